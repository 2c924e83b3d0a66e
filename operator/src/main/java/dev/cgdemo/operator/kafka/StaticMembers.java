package dev.cgdemo.operator.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupResult;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownMemberIdException;

/**
 * A group's static members through Kafka's Admin API (KIP-345): who they are, and removing some by their
 * {@code group.instance.id}, which a static member does not do itself when it shuts down.
 */
public final class StaticMembers {

  private static final long TIMEOUT_SECONDS = 10;

  private final String bootstrapServers;
  private final Admin admin;

  public StaticMembers(String bootstrapServers, Admin admin) {
    this.bootstrapServers = bootstrapServers;
    this.admin = admin;
  }

  /** What a removal did: removed now, not members any more (removed before), or why Kafka refused. */
  public record Removal(List<String> removed, List<String> alreadyGone, Optional<String> failure) {
  }

  /** The {@code group.instance.id}s of the group's members now; none when the group does not exist. */
  public Set<String> instanceIds(String groupId) {
    try {
      ConsumerGroupDescription group = KafkaCalls.await(bootstrapServers,
          admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId));
      Set<String> ids = new TreeSet<>();
      for (MemberDescription member : group.members()) {
        member.groupInstanceId().ifPresent(ids::add);
      }
      return ids;
    } catch (GroupIdNotFoundException e) {
      return Set.of();
    }
  }

  /** Removes {@code instanceIds} from the group; an instance that is no member any more counts as done. */
  public Removal remove(String groupId, Collection<String> instanceIds, String reason) {
    List<MemberToRemove> members = instanceIds.stream().map(MemberToRemove::new).toList();
    RemoveMembersFromConsumerGroupOptions options = new RemoveMembersFromConsumerGroupOptions(members);
    options.reason(reason);
    RemoveMembersFromConsumerGroupResult result = admin.removeMembersFromConsumerGroup(groupId, options);
    List<String> removed = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (MemberToRemove member : members) {
      String id = member.groupInstanceId();
      try {
        result.memberResult(member).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        removed.add(id);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnknownMemberIdException) {
          gone.add(id);
        } else {
          failures.add(id + ": " + describe(e.getCause()));
        }
      } catch (TimeoutException e) {
        failures.add(id + ": no answer from Kafka at " + bootstrapServers + " within " + TIMEOUT_SECONDS + " s");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add(id + ": interrupted");
      }
    }
    return new Removal(removed, gone, failures.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", failures)));
  }

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
  }
}

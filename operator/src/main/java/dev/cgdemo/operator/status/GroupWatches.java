package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.worker.watch.GroupWatch;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JOSDK event source with one {@link GroupWatch} per resource: a new audit entry that changes the group's history
 * (owners, a rebalance, a measured pause) or a described change of state or members reconciles the resource at once;
 * offsets and lag alone at most every {@code offsetsRefresh}, so a steady group with moving offsets costs few status
 * writes. Watches start and stop only from the reconciler's {@code reconcile} and {@code cleanup}, which JOSDK never
 * runs at the same time for one resource, so a deleted resource's watch is never started again.
 */
public final class GroupWatches extends AbstractEventSource<GroupWatch, ConsumerGroupDemo> {

  private static final Logger LOG = LoggerFactory.getLogger(GroupWatches.class);

  private final GroupWatch.Settings settings;
  private final Duration offsetsRefresh;
  private final Clock clock;
  private final GroupWatchObserver observer;
  private final Map<ResourceID, Watched> watches = new ConcurrentHashMap<>();

  private final Map<ResourceID, Instant> lastOffsetsEvent = new ConcurrentHashMap<>();

  private record Watched(GroupWatch watch, String bootstrapServers) {
    boolean watches(String bootstrap, String topic, String group) {
      return bootstrapServers.equals(bootstrap) && watch.topic().equals(topic) && watch.group().equals(group);
    }
  }

  public GroupWatches(GroupWatch.Settings settings, Duration offsetsRefresh, Clock clock) {
    this(settings, offsetsRefresh, clock, GroupWatchObserver.NONE);
  }

  /** @param observer hears of every watch and change too (the live web view) */
  public GroupWatches(GroupWatch.Settings settings, Duration offsetsRefresh, Clock clock, GroupWatchObserver observer) {
    super(GroupWatch.class, "group-watches");
    this.settings = settings;
    this.offsetsRefresh = offsetsRefresh;
    this.clock = clock;
    this.observer = observer;
  }

  /** Watches {@code group} on {@code topic} for {@code id}; a watch of something else for it is replaced. */
  public GroupWatch watch(ResourceID id, String bootstrapServers, String topic, String group) {
    Watched current = watches.get(id);
    if (current != null && current.watches(bootstrapServers, topic, group)) {
      return current.watch();
    }
    release(id);
    GroupWatch watch = new GroupWatch(bootstrapServers, Map.of(), topic, group, settings, clock,
        (w, change) -> {
          changed(id, change);
          observer.changed(id, change);
        });
    watches.put(id, new Watched(watch, bootstrapServers));
    observer.started(id, watch);
    LOG.info("{}: watching group {} on topic {} at {}", id, group, topic, bootstrapServers);
    return watch.start();
  }

  public Optional<GroupWatch> get(ResourceID id) {
    return Optional.ofNullable(watches.get(id)).map(Watched::watch);
  }

  public void release(ResourceID id) {
    lastOffsetsEvent.remove(id);
    Watched removed = watches.remove(id);
    if (removed != null) {
      observer.released(id);
      removed.watch().close();
    }
  }

  /** Resources whose group is watched (for tests of the release on deletion). */
  public Set<ResourceID> watched() {
    return Set.copyOf(watches.keySet());
  }

  @Override
  public Set<GroupWatch> getSecondaryResources(ConsumerGroupDemo primary) {
    return get(ResourceID.fromResource(primary)).map(Set::of).orElse(Set.of());
  }

  private void changed(ResourceID id, GroupWatch.Change change) {
    if (!isRunning() || !watches.containsKey(id)) {
      return;
    }
    Instant now = clock.instant();
    if (change == GroupWatch.Change.OFFSETS) {
      Instant last = lastOffsetsEvent.get(id);
      if (last != null && now.isBefore(last.plus(offsetsRefresh))) {
        return;
      }
    }
    lastOffsetsEvent.put(id, now);
    getEventHandler().handleEvent(new Event(id));
  }

  @Override
  public void stop() {
    super.stop();
    watches.keySet().forEach(this::release);
  }
}

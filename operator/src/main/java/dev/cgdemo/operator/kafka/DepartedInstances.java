package dev.cgdemo.operator.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Which static members of a group belong to consumer pods a scale-down removed. A consumer pod's
 * {@code group.instance.id} is its name, {@code <name>-consumer-N}; a StatefulSet scaled to R replicas removes the
 * pods with ordinals R and up. Such an instance has departed once its pod is gone: removing it from the group then
 * moves its partitions at once instead of after the session timeout. While the pod still exists (terminating) it is
 * still running; a pod below R that restarts keeps its instance, as static membership intends.
 *
 * @param departed     instances whose pods are gone: to be removed from the group
 * @param stillRunning instances above the replicas whose pods still exist: to be looked at again soon
 */
public record DepartedInstances(List<String> departed, List<String> stillRunning) {

  public DepartedInstances {
    departed = List.copyOf(departed);
    stillRunning = List.copyOf(stillRunning);
  }

  /**
   * Sorts the {@code instanceIds} of {@code podPrefix}'s pods ({@code <prefix>-N}) with N at or above
   * {@code replicas} by whether {@code podExists}; other instances are none of the operator's business.
   */
  public static DepartedInstances of(String podPrefix, int replicas, Collection<String> instanceIds,
      Predicate<String> podExists) {
    List<String> departed = new ArrayList<>();
    List<String> running = new ArrayList<>();
    instanceIds.stream().sorted()
        .filter(id -> ordinal(podPrefix, id).orElse(-1) >= replicas)
        .forEach(id -> (podExists.test(id) ? running : departed).add(id));
    return new DepartedInstances(departed, running);
  }

  /** Whether some of {@code ids} name a pod at or above {@code replicas}: only then is the group worth a look. */
  public static boolean anyAbove(String podPrefix, int replicas, Collection<String> ids) {
    return ids.stream().anyMatch(id -> ordinal(podPrefix, id).orElse(-1) >= replicas);
  }

  static OptionalInt ordinal(String podPrefix, String instanceId) {
    String start = podPrefix + "-";
    if (instanceId == null || !instanceId.startsWith(start)) {
      return OptionalInt.empty();
    }
    String digits = instanceId.substring(start.length());
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)
        || (digits.length() > 1 && digits.charAt(0) == '0')) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(digits));
  }

  public boolean nothingToDo() {
    return departed.isEmpty() && stillRunning.isEmpty();
  }
}

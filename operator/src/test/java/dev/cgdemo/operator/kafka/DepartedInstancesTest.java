package dev.cgdemo.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DepartedInstancesTest {

  private static final List<String> SIX = List.of("orders-consumer-0", "orders-consumer-1", "orders-consumer-2",
      "orders-consumer-3", "orders-consumer-4", "orders-consumer-5");

  @Test
  void afterAScaleDownTheRemovedOrdinalsWhosePodsAreGoneHaveDeparted() {
    Set<String> pods = Set.of("orders-consumer-0", "orders-consumer-1", "orders-consumer-4");
    DepartedInstances instances = DepartedInstances.of("orders-consumer", 2, SIX, pods::contains);
    assertThat(instances.departed()).containsExactly("orders-consumer-2", "orders-consumer-3", "orders-consumer-5");
    assertThat(instances.stillRunning()).containsExactly("orders-consumer-4");
  }

  @Test
  void instancesBelowTheReplicasStayEvenWhileTheirPodRestarts() {
    DepartedInstances instances = DepartedInstances.of("orders-consumer", 6, SIX, pod -> false);
    assertThat(instances.nothingToDo()).isTrue();
    assertThat(DepartedInstances.anyAbove("orders-consumer", 6, SIX)).isFalse();
    assertThat(DepartedInstances.anyAbove("orders-consumer", 5, SIX)).isTrue();
  }

  @Test
  void instancesThatAreNotThisResourcesPodsAreLeftAlone() {
    List<String> others = List.of("orders-consumer-x", "orders-consumer-", "orders-consumer-07", "other-consumer-9",
        "orders-consumer-2-b", "orders-consumer-99999999999");
    assertThat(DepartedInstances.of("orders-consumer", 0, others, pod -> false).nothingToDo()).isTrue();
    assertThat(DepartedInstances.ordinal("orders-consumer", "orders-consumer-12")).hasValue(12);
  }
}

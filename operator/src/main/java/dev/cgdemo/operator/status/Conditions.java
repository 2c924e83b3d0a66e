package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Sets conditions by type, keeping lastTransitionTime while a condition's status stays the same. */
public final class Conditions {

  public static final String READY = "Ready";
  public static final String TOPIC_READY = "TopicReady";
  public static final String CONSUMERS_READY = "ConsumersReady";
  public static final String PRODUCER_READY = "ProducerReady";
  public static final String GROUP_OBSERVED = "GroupObserved";

  private final List<Condition> previous;
  private final List<Condition> current;
  private final String now;

  public Conditions(List<Condition> previous, Instant now) {
    this.previous = previous == null ? List.of() : previous;
    this.current = new ArrayList<>(this.previous.stream().map(Conditions::copy).toList());
    this.now = now.toString();
  }

  public Conditions set(String type, boolean status, String reason, String message) {
    String statusText = status ? "True" : "False";
    String since = previous.stream()
        .filter(c -> type.equals(c.getType()) && statusText.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(now);
    current.removeIf(c -> type.equals(c.getType()));
    current.add(new Condition(type, statusText, reason, message, since));
    return this;
  }

  /** Ready first, then the others in a fixed order, so equal states serialize equally. */
  public List<Condition> list() {
    List<String> order = List.of(READY, TOPIC_READY, CONSUMERS_READY, PRODUCER_READY, GROUP_OBSERVED);
    return current.stream()
        .sorted((a, b) -> Integer.compare(rank(order, a.getType()), rank(order, b.getType())))
        .toList();
  }

  private static int rank(List<String> order, String type) {
    int index = order.indexOf(type);
    return index < 0 ? order.size() : index;
  }

  private static Condition copy(Condition c) {
    return new Condition(c.getType(), c.getStatus(), c.getReason(), c.getMessage(), c.getLastTransitionTime());
  }
}

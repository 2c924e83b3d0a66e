package dev.cgdemo.operator.reconcile;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.spec.EffectiveSpec;
import dev.cgdemo.operator.spec.OperatorDefaults;
import dev.cgdemo.operator.spec.SpecValidator;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Of the resources that name one topic on one Kafka address, the one that uses it: the one whose status already
 * records the topic, else the oldest (then by namespace and name). Since a topic name cannot change, the user stays
 * the user until it is deleted; the others are refused ({@code TopicInUse}), as their records, groups' audits and
 * delivery counts would mix with its own.
 */
final class TopicUsers {

  private static final Comparator<ConsumerGroupDemo> CLAIM_ORDER = Comparator
      .comparing((ConsumerGroupDemo d) -> !recordsItsTopic(d))
      .thenComparing(TopicUsers::createdAt)
      .thenComparing((ConsumerGroupDemo d) -> String.valueOf(d.getMetadata().getNamespace()))
      .thenComparing(d -> d.getMetadata().getName());

  private final SpecValidator validator;
  private final OperatorDefaults defaults;

  TopicUsers(OperatorDefaults defaults) {
    this.defaults = defaults;
    this.validator = new SpecValidator(defaults);
  }

  /** Another resource that uses {@code resource}'s topic before it; empty when the topic is {@code resource}'s. */
  Optional<ConsumerGroupDemo> userBefore(ConsumerGroupDemo resource, Collection<ConsumerGroupDemo> all) {
    EffectiveSpec spec = EffectiveSpec.of(resource, defaults);
    return all.stream()
        .filter(other -> !sameResource(other, resource))
        .filter(other -> validator.validate(other).isEmpty())
        .filter(other -> sameTopic(EffectiveSpec.of(other, defaults), spec))
        .filter(other -> CLAIM_ORDER.compare(other, resource) < 0)
        .min(CLAIM_ORDER);
  }

  private static boolean sameTopic(EffectiveSpec a, EffectiveSpec b) {
    return a.topicName().equals(b.topicName()) && a.bootstrapServers().equals(b.bootstrapServers());
  }

  private static boolean sameResource(ConsumerGroupDemo a, ConsumerGroupDemo b) {
    return a.getMetadata().getName().equals(b.getMetadata().getName())
        && String.valueOf(a.getMetadata().getNamespace()).equals(String.valueOf(b.getMetadata().getNamespace()));
  }

  /** Whether the status shows the topic the spec names: the resource has reconciled it, so it uses it. */
  private static boolean recordsItsTopic(ConsumerGroupDemo demo) {
    if (demo.getStatus() == null || demo.getStatus().getTopic() == null) {
      return false;
    }
    String named = demo.getSpec().getTopic().getName();
    String topic = named == null || named.isBlank() ? demo.getMetadata().getName() : named;
    return topic.equals(demo.getStatus().getTopic().getName());
  }

  private static Instant createdAt(ConsumerGroupDemo demo) {
    String timestamp = demo.getMetadata().getCreationTimestamp();
    return timestamp == null ? Instant.MAX : Instant.parse(timestamp);
  }
}

package dev.cgdemo.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.operator.crd.CrdValidationRules.Violation;
import dev.cgdemo.operator.model.Assignor;
import dev.cgdemo.operator.model.ChaosSpec;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoSpec;
import dev.cgdemo.operator.model.ConsumersSpec;
import dev.cgdemo.operator.model.TopicSpec;
import dev.cgdemo.operator.spec.OperatorDefaults;
import dev.cgdemo.operator.spec.SpecValidator;
import dev.cgdemo.worker.consume.GroupProtocolChoice;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRD's CEL rules, as generated, run on creates and updates, valid and invalid; the operator's own check
 * ({@link SpecValidator} with the topic spec it last accepted as the old one) must give the same verdict on each
 * and name the same fields. The cluster here (Kubernetes 1.20) runs no CEL, and kind does: this is the only place
 * the rules themselves are run before a user's kind cluster does.
 */
class CrdValidationRulesTest {

  static final String NAME = "demo";
  static CrdValidationRules rules;
  static final SpecValidator OPERATOR = new SpecValidator(new OperatorDefaults("kafka:9092", "cgdemo/worker:test"));

  /** A create ({@code before} null) or an update, and whether Kubernetes should accept it. */
  record Change(String description, Consumer<ConsumerGroupDemoSpec> before, Consumer<ConsumerGroupDemoSpec> after,
      boolean valid) {

    @Override
    public String toString() {
      return description + (valid ? " is accepted" : " is refused");
    }
  }

  static Change create(String description, Consumer<ConsumerGroupDemoSpec> spec, boolean valid) {
    return new Change("create: " + description, null, spec, valid);
  }

  static Change update(String description, Consumer<ConsumerGroupDemoSpec> before, Consumer<ConsumerGroupDemoSpec> after,
      boolean valid) {
    return new Change("update: " + description, before, after, valid);
  }

  static Consumer<ConsumerGroupDemoSpec> nothing() {
    return s -> { };
  }

  static Consumer<ConsumerGroupDemoSpec> name(String name) {
    return s -> s.getTopic().setName(name);
  }

  static Consumer<ConsumerGroupDemoSpec> partitions(int partitions) {
    return s -> s.getTopic().setPartitions(partitions);
  }

  static Consumer<ConsumerGroupDemoSpec> replicationFactor(Integer replicationFactor) {
    return s -> s.getTopic().setReplicationFactor(replicationFactor);
  }

  static Consumer<ConsumerGroupDemoSpec> consumers(String protocol, String assignor) {
    return s -> {
      s.getConsumers().setProtocol(protocol);
      s.getConsumers().setAssignor(assignor);
    };
  }

  static Consumer<ConsumerGroupDemoSpec> chaos(Integer minReplicas, Integer maxReplicas) {
    return s -> {
      ChaosSpec chaos = new ChaosSpec();
      chaos.setEvery("30s");
      chaos.setActions(List.of("delete", "kill", "scale"));
      chaos.setMinReplicas(minReplicas);
      chaos.setMaxReplicas(maxReplicas);
      s.setChaos(chaos);
    };
  }

  static Stream<Change> changes() {
    return Stream.of(
        create("the minimal spec", nothing(), true),
        create("a topic name", name("web-events"), true),
        create("replicationFactor 3", replicationFactor(3), true),
        create("no protocol (classic) and no assignor", consumers(null, null), true),
        create("no protocol (classic) with sticky", consumers(null, "sticky"), true),
        create("no protocol (classic) with uniform", consumers(null, "uniform"), false),
        create("classic with cooperative-sticky", consumers("classic", "cooperative-sticky"), true),
        create("classic with roundrobin", consumers("classic", "roundrobin"), true),
        create("classic with range", consumers("classic", "range"), true),
        create("classic with uniform", consumers("classic", "uniform"), false),
        create("consumer with uniform", consumers("consumer", "uniform"), true),
        create("consumer with range", consumers("consumer", "range"), true),
        create("consumer and no assignor", consumers("consumer", null), true),
        create("consumer with cooperative-sticky", consumers("consumer", "cooperative-sticky"), false),
        create("consumer with sticky", consumers("consumer", "sticky"), false),
        create("consumer with roundrobin", consumers("consumer", "roundrobin"), false),

        create("chaos with minReplicas 2 and maxReplicas 4", chaos(2, 4), true),
        create("chaos with minReplicas equal to maxReplicas", chaos(3, 3), true),
        create("chaos with minReplicas only", chaos(2, null), true),
        create("chaos with maxReplicas only", chaos(null, 2), true),
        create("chaos with minReplicas above maxReplicas", chaos(4, 2), false),

        update("partitions grow 3 -> 5", partitions(3), partitions(5), true),
        update("partitions stay 3", partitions(3), partitions(3), true),
        update("partitions shrink 3 -> 2", partitions(3), partitions(2), false),
        update("partitions shrink 5 -> 1", partitions(5), partitions(1), false),
        update("replicationFactor stays 2", replicationFactor(2), replicationFactor(2), true),
        update("replicationFactor 1 -> 2", replicationFactor(1), replicationFactor(2), false),
        update("replicationFactor 2 -> 1", replicationFactor(2), replicationFactor(1), false),
        update("replicationFactor added as its default 1", replicationFactor(null), replicationFactor(1), true),
        update("replicationFactor added as 2", replicationFactor(null), replicationFactor(2), false),
        update("replicationFactor 2 removed (default 1)", replicationFactor(2), replicationFactor(null), false),
        update("replicationFactor 1 removed (default 1)", replicationFactor(1), replicationFactor(null), true),
        update("topic name stays", name("web-events"), name("web-events"), true),
        update("topic name changed", name("web-events"), name("clicks"), false),
        update("topic name added", nothing(), name("clicks"), false),
        update("topic name added as metadata.name, its default", nothing(), name(NAME), false),
        update("topic name removed", name("web-events"), name(null), false),
        update("topic name left out before and after", nothing(), nothing(), true),
        update("topic name changed and partitions shrunk", name("a").andThen(partitions(3)),
            name("b").andThen(partitions(2)), false),
        update("protocol changed to consumer, assignor left at cooperative-sticky",
            consumers("classic", "cooperative-sticky"), consumers("consumer", "cooperative-sticky"), false),
        update("protocol and assignor changed together", consumers("classic", "cooperative-sticky"),
            consumers("consumer", "uniform"), true),
        update("consumers scaled and partitions grown", nothing(),
            partitions(6).andThen(s -> s.getConsumers().setReplicas(6)), true),
        update("deleteWithResource turned on", nothing(), s -> s.getTopic().setDeleteWithResource(true), true));
  }

  @BeforeAll
  static void loadRules() {
    rules = CrdValidationRules.ofGeneratedCrd();
  }

  @Test
  void theCrdHasTheRulesTheseCasesAreAbout() {
    assertThat(rules.rules()).extracting(CrdValidationRule::location)
        .containsExactlyInAnyOrder("spec.chaos", "spec.consumers", "spec.topic", "spec.topic.partitions", "spec.topic.replicationFactor");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void celAndTheOperatorGiveTheSameVerdict(Change change) {
    ConsumerGroupDemo before = change.before() == null ? null : resource(change.before());
    ConsumerGroupDemo after = resource(change.after());

    List<Violation> violations = rules.violations(before, after);
    List<String> problems = OPERATOR.validate(after, before == null ? null : before.getSpec().getTopic());

    assertThat(violations.isEmpty()).as("accepted by the CRD's CEL rules: %s", violations).isEqualTo(change.valid());
    assertThat(problems.isEmpty()).as("accepted by the operator: %s", problems).isEqualTo(change.valid());
    // The same fields: every refusing rule sits on or above a field the operator names, and the other way round.
    Set<String> locations = new HashSet<>(violations.stream().map(Violation::location).toList());
    Set<String> fields = new HashSet<>(problems.stream().map(p -> p.substring(0, p.indexOf(' '))).toList());
    assertThat(locations).allSatisfy(location -> assertThat(fields).anySatisfy(f -> assertThat(f).startsWith(location)));
    assertThat(fields).allSatisfy(field -> assertThat(locations).anySatisfy(l -> assertThat(field).startsWith(l)));
  }

  /** Every protocol with every assignor of the schema: the CEL rule accepts exactly what the worker accepts. */
  @Test
  void theAssignorRuleAcceptsWhatTheWorkerAccepts() {
    for (GroupProtocolChoice protocol : GroupProtocolChoice.values()) {
      for (Assignor assignor : Assignor.values()) {
        String assignorName = Serialization.jsonMapper().convertValue(assignor, String.class);
        ConsumerGroupDemo demo = resource(consumers(protocol.kafkaName(), assignorName));
        assertThat(rules.violations(null, demo).isEmpty()).as("%s with %s", protocol.kafkaName(), assignorName)
            .isEqualTo(protocol.assignors().contains(assignorName));
      }
    }
  }

  /** A rule that no case refuses, or none accepts, is not tested by the cases above: add cases for it. */
  @Test
  void everyRuleBothAcceptsAndRefusesSomeCase() {
    Map<CrdValidationRule, Set<Boolean>> verdicts = new HashMap<>();
    changes().forEach(change -> {
      var before = change.before() == null ? null : rules.asStored(resource(change.before()));
      var after = rules.asStored(resource(change.after()));
      for (CrdValidationRule rule : rules.rules()) {
        rule.accepts(before, after).ifPresent(v -> verdicts.computeIfAbsent(rule, r -> new HashSet<>()).add(v));
      }
    });
    assertThat(rules.rules()).allSatisfy(rule -> assertThat(verdicts.get(rule)).as("verdicts of %s", rule)
        .containsExactlyInAnyOrder(true, false));
  }

  static ConsumerGroupDemo resource(Consumer<ConsumerGroupDemoSpec> change) {
    TopicSpec topic = new TopicSpec();
    topic.setPartitions(3);
    ConsumersSpec consumers = new ConsumersSpec();
    consumers.setReplicas(3);
    ConsumerGroupDemoSpec spec = new ConsumerGroupDemoSpec();
    spec.setTopic(topic);
    spec.setConsumers(consumers);
    change.accept(spec);
    ConsumerGroupDemo demo = new ConsumerGroupDemo();
    demo.setMetadata(new ObjectMetaBuilder().withName(NAME).withNamespace("ns").build());
    demo.setSpec(spec);
    return demo;
  }
}

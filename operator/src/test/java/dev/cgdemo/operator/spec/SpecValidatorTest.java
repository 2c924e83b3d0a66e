package dev.cgdemo.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.operator.model.ChaosSpec;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoSpec;
import dev.cgdemo.operator.model.ConsumersSpec;
import dev.cgdemo.operator.model.TopicSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

  private final SpecValidator validator = new SpecValidator(new OperatorDefaults("kafka:9092", "cgdemo/worker:0.1.0"));

  @Test
  void aMinimalSpecIsValidAndGetsTheDocumentedDefaults() {
    ConsumerGroupDemo demo = demo("web-events", s -> { });
    assertThat(validator.validate(demo)).isEmpty();
    EffectiveSpec spec = EffectiveSpec.of(demo, new OperatorDefaults("kafka:9092", "cgdemo/worker:0.1.0"));
    assertThat(spec.topicName()).isEqualTo("web-events");
    assertThat(spec.groupId()).isEqualTo("web-events-group");
    assertThat(spec.protocol()).isEqualTo("classic");
    assertThat(spec.assignor()).isEqualTo("cooperative-sticky");
    assertThat(spec.replicationFactor()).isEqualTo(1);
    assertThat(spec.producerEnabled()).isTrue();
    assertThat(spec.messagesPerSecond()).isEqualTo(5);
    assertThat(spec.keys()).isEqualTo(20);
    assertThat(spec.deleteTopicWithResource()).isFalse();
    assertThat(spec.bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(spec.workerImage()).isEqualTo("cgdemo/worker:0.1.0");
  }

  @Test
  void theConsumerProtocolDefaultsToTheUniformAssignor() {
    ConsumerGroupDemo demo = demo("kip848", s -> s.getConsumers().setProtocol("consumer"));
    assertThat(validator.validate(demo)).isEmpty();
    assertThat(EffectiveSpec.of(demo, new OperatorDefaults("k:1", "i")).assignor()).isEqualTo("uniform");
  }

  @Test
  void eachSchemaRuleIsCheckedAndNamesTheField() {
    assertThat(problems(s -> s.getTopic().setName("bad name"))).singleElement().asString().contains("spec.topic.name");
    assertThat(problems(s -> s.getTopic().setName("a".repeat(250)))).singleElement().asString().contains("spec.topic.name");
    assertThat(problems(s -> s.getTopic().setName("ok.name_with-dashes"))).isEmpty();
    assertThat(problems(s -> s.getTopic().setPartitions(0))).singleElement().asString().contains("spec.topic.partitions must be at least 1");
    assertThat(problems(s -> s.getTopic().setReplicationFactor(0))).singleElement().asString().contains("replicationFactor");
    assertThat(problems(s -> s.getConsumers().setReplicas(null))).singleElement().asString().contains("spec.consumers.replicas is required");
    assertThat(problems(s -> s.getConsumers().setReplicas(0))).isEmpty();
    assertThat(problems(s -> s.getConsumers().setProtocol("eager"))).singleElement().asString().contains("classic or consumer");
    assertThat(problems(s -> s.getConsumers().setAssignor("uniform"))).singleElement().asString()
        .contains("does not fit protocol classic").contains("cooperative-sticky");
    assertThat(problems(s -> s.getConsumers().setGroupId(" "))).singleElement().asString().contains("groupId");
    assertThat(problems(s -> s.setBootstrapServers("a:1,b"))).singleElement().asString().contains("host:port");
    assertThat(problems(s -> s.setWorkerImage(""))).singleElement().asString().contains("workerImage");
  }

  @Test
  void eachChaosRuleOfTheSchemaIsCheckedAndNamesTheField() {
    assertThat(problems(chaos("30s", List.of("delete", "kill", "scale"), null, null))).isEmpty();
    assertThat(problems(chaos("500ms", List.of("kill"), 1, 1))).isEmpty();
    assertThat(problems(chaos(null, List.of("kill"), null, null))).singleElement().asString()
        .startsWith("spec.chaos.every is required");
    assertThat(problems(chaos("0s", List.of("kill"), null, null))).singleElement().asString()
        .startsWith("spec.chaos.every must be a positive duration");
    assertThat(problems(chaos("30 seconds", List.of("kill"), null, null))).singleElement().asString()
        .startsWith("spec.chaos.every");
    assertThat(problems(chaos("30s", List.of(), null, null))).containsExactly(
        "spec.chaos.actions needs at least one of delete, kill, scale");
    assertThat(problems(chaos("30s", List.of("kill", "crash"), null, null))).containsExactly(
        "spec.chaos.actions may hold delete, kill, scale, got [kill, crash]");
    assertThat(problems(chaos("30s", List.of("scale"), 0, null))).singleElement().asString()
        .startsWith("spec.chaos.minReplicas must be at least 1");
    assertThat(problems(chaos("30s", List.of("scale"), null, 0))).singleElement().asString()
        .startsWith("spec.chaos.maxReplicas must be at least 1");
    assertThat(problems(chaos("30s", List.of("scale"), 4, 2))).containsExactly(
        "spec.chaos.minReplicas must not be greater than spec.chaos.maxReplicas, got 4 > 2");
  }

  private static Consumer<ConsumerGroupDemoSpec> chaos(String every, List<String> actions, Integer min, Integer max) {
    return s -> {
      ChaosSpec chaos = new ChaosSpec();
      chaos.setEvery(every);
      chaos.setActions(actions);
      chaos.setMinReplicas(min);
      chaos.setMaxReplicas(max);
      s.setChaos(chaos);
    };
  }

  @Test
  void noKafkaAddressAnywhereIsAProblem() {
    SpecValidator withoutDefault = new SpecValidator(new OperatorDefaults(null, "img"));
    assertThat(withoutDefault.validate(demo("x", s -> { }))).singleElement().asString().contains("--bootstrap-servers");
    assertThat(withoutDefault.validate(demo("x", s -> s.setBootstrapServers("kafka:9092")))).isEmpty();
  }

  @Test
  void aNameTooLongForItsPodsIsAProblem() {
    assertThat(validator.validate(demo("n".repeat(44), s -> { }))).singleElement().asString().contains("metadata.name");
    assertThat(validator.validate(demo("n".repeat(43), s -> { }))).isEmpty();
  }

  private java.util.List<String> problems(Consumer<ConsumerGroupDemoSpec> change) {
    return validator.validate(demo("demo", change));
  }

  static ConsumerGroupDemo demo(String name, Consumer<ConsumerGroupDemoSpec> change) {
    TopicSpec topic = new TopicSpec();
    topic.setPartitions(3);
    ConsumersSpec consumers = new ConsumersSpec();
    consumers.setReplicas(3);
    ConsumerGroupDemoSpec spec = new ConsumerGroupDemoSpec();
    spec.setTopic(topic);
    spec.setConsumers(consumers);
    change.accept(spec);
    ConsumerGroupDemo demo = new ConsumerGroupDemo();
    demo.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").withGeneration(1L).build());
    demo.setSpec(spec);
    return demo;
  }
}

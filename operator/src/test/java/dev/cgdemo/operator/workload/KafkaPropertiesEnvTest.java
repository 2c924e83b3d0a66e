package dev.cgdemo.operator.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoSpec;
import dev.cgdemo.operator.model.ConsumersSpec;
import dev.cgdemo.operator.model.TopicSpec;
import dev.cgdemo.operator.spec.EffectiveSpec;
import dev.cgdemo.operator.spec.OperatorDefaults;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** spec.*.kafkaProperties reach the worker as CGDEMO_KAFKA_PROPERTIES, the twin of its --property flag. */
class KafkaPropertiesEnvTest {

  @Test
  void consumerAndProducerSettingsBecomeSortedKeyValuePairs() {
    EffectiveSpec spec = spec(s -> {
      s.getConsumers().setKafkaProperties(Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "500"));
      s.getProducer().setKafkaProperties(Map.of("linger.ms", "5"));
    });
    assertThat(value(ConsumerStatefulSetDependent.env(spec))).isEqualTo("heartbeat.interval.ms=500,session.timeout.ms=6000");
    assertThat(value(ProducerDeploymentDependent.env(spec))).isEqualTo("linger.ms=5");
  }

  @Test
  void withoutSettingsThePodTemplatesStayAsTheyWere() {
    EffectiveSpec spec = spec(s -> { });
    assertThat(ConsumerStatefulSetDependent.env(spec)).extracting(EnvVar::getName).doesNotContain(WorkerEnv.KAFKA_PROPERTIES);
    assertThat(ProducerDeploymentDependent.env(spec)).extracting(EnvVar::getName).doesNotContain(WorkerEnv.KAFKA_PROPERTIES);
  }

  private static String value(List<EnvVar> env) {
    return env.stream().filter(e -> e.getName().equals(WorkerEnv.KAFKA_PROPERTIES)).map(EnvVar::getValue)
        .findFirst().orElseThrow();
  }

  private static EffectiveSpec spec(Consumer<ConsumerGroupDemoSpec> change) {
    TopicSpec topic = new TopicSpec();
    topic.setPartitions(3);
    ConsumersSpec consumers = new ConsumersSpec();
    consumers.setReplicas(3);
    ConsumerGroupDemoSpec spec = new ConsumerGroupDemoSpec();
    spec.setTopic(topic);
    spec.setConsumers(consumers);
    change.accept(spec);
    ConsumerGroupDemo demo = new ConsumerGroupDemo();
    demo.setMetadata(new ObjectMetaBuilder().withName("env").withNamespace("ns").build());
    demo.setSpec(spec);
    return EffectiveSpec.of(demo, new OperatorDefaults("kafka:9092", "img"));
  }
}

package dev.cgdemo.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.operator.model.ConsumerGroupDemoSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class KafkaPropertiesCheckTest {

  private final SpecValidator validator = new SpecValidator(new OperatorDefaults("kafka:9092", "cgdemo/worker:0.1.0"));

  @Test
  void settingsThatMakeACrashOrASlowConsumerVisibleAreTakenAndReachThePods() {
    Consumer<ConsumerGroupDemoSpec> change = s -> {
      s.getConsumers().setKafkaProperties(Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "500",
          "max.poll.interval.ms", "10000"));
      s.getProducer().setKafkaProperties(Map.of("linger.ms", "5"));
    };
    assertThat(problems(change)).isEmpty();
    assertThat(rejected(change)).isEmpty();
    EffectiveSpec spec = spec(change);
    assertThat(spec.consumerKafkaProperties()).containsExactly(Map.entry("heartbeat.interval.ms", "500"),
        Map.entry("max.poll.interval.ms", "10000"), Map.entry("session.timeout.ms", "6000"));
    assertThat(spec.producerKafkaProperties()).containsExactly(Map.entry("linger.ms", "5"));
  }

  @Test
  void keysTheWorkerOwnsAreRefusedByName() {
    for (String key : List.of("group.id", "client.id", "group.instance.id", "enable.auto.commit", "key.deserializer",
        "value.deserializer", "group.protocol", "partition.assignment.strategy", "auto.offset.reset")) {
      assertThat(problems(s -> s.getConsumers().setKafkaProperties(Map.of(key, "x")))).as(key).singleElement()
          .asString().startsWith("spec.consumers.kafkaProperties must not set " + key + ":");
    }
    for (String key : List.of("client.id", "acks", "enable.idempotence", "key.serializer", "transactional.id")) {
      assertThat(problems(s -> s.getProducer().setKafkaProperties(Map.of(key, "x")))).as(key).singleElement()
          .asString().startsWith("spec.producer.kafkaProperties must not set " + key + ":");
    }
  }

  @Test
  void whatCannotTravelInTheEnvironmentVariableIsRefused() {
    assertThat(problems(s -> s.getConsumers().setKafkaProperties(Map.of("session.timeout.ms", "6000,7000"))))
        .singleElement().asString().contains("\"6000,7000\" must not contain ','");
    assertThat(problems(s -> s.getConsumers().setKafkaProperties(Map.of("a=b", "1")))).singleElement().asString()
        .contains("the key \"a=b\"");
    assertThat(problems(s -> s.getConsumers().setKafkaProperties(Map.of("fetch.max.wait.ms", " ")))).singleElement()
        .asString().isEqualTo("spec.consumers.kafkaProperties.fetch.max.wait.ms must have a value; leave the key out for Kafka's default");
  }

  @Test
  void valuesKafkaRejectsAreNamedWithKeyAndValue() {
    assertThat(rejected(s -> s.getConsumers().setKafkaProperties(Map.of("session.timeout.ms", "soon"))))
        .hasValueSatisfying(m -> assertThat(m)
            .startsWith("spec.consumers.kafkaProperties.session.timeout.ms=soon is rejected by Kafka: "));
    assertThat(rejected(s -> s.getConsumers().setKafkaProperties(Map.of("max.poll.records", "0"))))
        .hasValueSatisfying(m -> assertThat(m)
            .startsWith("spec.consumers.kafkaProperties.max.poll.records=0 is rejected by Kafka: ")
            .contains("at least 1"));
    assertThat(rejected(s -> s.getConsumers().setKafkaProperties(Map.of("session.timeout.msec", "6000"))))
        .hasValue("spec.consumers.kafkaProperties.session.timeout.msec is not a Kafka consumer setting"
            + " (see https://kafka.apache.org/documentation/#consumerconfigs)");
    // Only the settings together are wrong: the idempotent producer allows at most 5 requests in flight.
    assertThat(rejected(s -> s.getProducer().setKafkaProperties(Map.of("max.in.flight.requests.per.connection", "10"))))
        .hasValueSatisfying(m -> assertThat(m).startsWith("spec.producer.kafkaProperties is rejected by Kafka as a whole: ")
            .contains("max.in.flight.requests.per.connection"));
  }

  @Test
  void theConsumerProtocolRefusesWhatItsBrokerDecides() {
    assertThat(rejected(s -> {
      s.getConsumers().setProtocol("consumer");
      s.getConsumers().setKafkaProperties(Map.of("session.timeout.ms", "6000"));
    })).hasValue("spec.consumers.kafkaProperties.session.timeout.ms=6000 does not apply to the consumer protocol"
        + " (KIP-848): the broker decides it (group.consumer.*); remove it, or use spec.consumers.protocol: classic");
    assertThat(rejected(s -> {
      s.getConsumers().setProtocol("consumer");
      s.getConsumers().setKafkaProperties(Map.of("max.poll.interval.ms", "10000"));
    })).isEmpty();
  }

  @Test
  void aDisabledProducersSettingsAreNotJudged() {
    assertThat(rejected(s -> {
      s.getProducer().setEnabled(false);
      s.getProducer().setKafkaProperties(Map.of("linger.ms", "later"));
    })).isEmpty();
  }

  private List<String> problems(Consumer<ConsumerGroupDemoSpec> change) {
    return validator.validate(SpecValidatorTest.demo("props", change));
  }

  private static EffectiveSpec spec(Consumer<ConsumerGroupDemoSpec> change) {
    return EffectiveSpec.of(SpecValidatorTest.demo("props", change), new OperatorDefaults("kafka:9092", "img"));
  }

  private static Optional<String> rejected(Consumer<ConsumerGroupDemoSpec> change) {
    return KafkaPropertiesCheck.rejected(spec(change));
  }
}

package dev.cgdemo.operator.spec;

import dev.cgdemo.worker.consume.ConsumerProperties;
import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupProtocolChoice;
import dev.cgdemo.worker.produce.ProducerProperties;
import dev.cgdemo.worker.produce.ProducerSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Kafka's own verdict on {@code spec.consumers.kafkaProperties} and {@code spec.producer.kafkaProperties}, given
 * before any pod is changed: the pods' client configuration is built as the worker builds it and judged by Kafka's
 * {@link ConsumerConfig} and {@link ProducerConfig} definitions (each value's type and allowed range, then the
 * settings together), so a value Kafka rejects becomes a condition instead of pods that crash on start.
 */
public final class KafkaPropertiesCheck {

  /** The condition reason for a setting Kafka rejects. */
  public static final String REASON = "KafkaPropertyRejected";

  private KafkaPropertiesCheck() {
  }

  /** What Kafka rejects, as a sentence naming the field, key and value; empty when Kafka takes every setting. */
  public static Optional<String> rejected(EffectiveSpec spec) {
    Optional<String> consumers = consumers(spec);
    return consumers.isPresent() ? consumers : producer(spec);
  }

  private static Optional<String> consumers(EffectiveSpec spec) {
    String field = "spec.consumers.kafkaProperties";
    Map<String, String> properties = spec.consumerKafkaProperties();
    if (properties.isEmpty()) {
      return Optional.empty();
    }
    if (EffectiveSpec.CONSUMER.equals(spec.protocol())) {
      Optional<String> classicOnly = properties.keySet().stream()
          .filter(ConsumerProperties.CLASSIC_ONLY::contains).findFirst();
      if (classicOnly.isPresent()) {
        return Optional.of(field + "." + classicOnly.get() + "=" + properties.get(classicOnly.get())
            + " does not apply to the consumer protocol (KIP-848): the broker decides it (group.consumer.*);"
            + " remove it, or use spec.consumers.protocol: classic");
      }
    }
    GroupProtocolChoice protocol = EffectiveSpec.CONSUMER.equals(spec.protocol())
        ? GroupProtocolChoice.CONSUMER : GroupProtocolChoice.CLASSIC;
    ConsumerSettings settings = new ConsumerSettings(spec.bootstrapServers(), spec.topicName(), spec.groupId(),
        spec.consumerName() + "-0", protocol, spec.assignor(), spec.staticMembership(), spec.processingDelayMs(),
        properties);
    return judge(field, "consumer", properties, ConsumerProperties.of(settings), ConsumerConfig.configNames(),
        ConsumerConfig.configDef(), ConsumerConfig::new);
  }

  private static Optional<String> producer(EffectiveSpec spec) {
    String field = "spec.producer.kafkaProperties";
    Map<String, String> properties = spec.producerKafkaProperties();
    if (properties.isEmpty() || !spec.producerEnabled()) {
      return Optional.empty();
    }
    ProducerSettings settings = ProducerSettings.of(spec.bootstrapServers(), spec.topicName(), spec.producerName())
        .withKafkaProperties(properties);
    return judge(field, "producer", properties, ProducerProperties.of(settings), ProducerConfig.configNames(),
        ProducerConfig.configDef(), ProducerConfig::new);
  }

  private static Optional<String> judge(String field, String client, Map<String, String> given,
      Map<String, Object> config, Set<String> known, ConfigDef definition,
      Function<Map<String, Object>, ?> construct) {
    for (String key : given.keySet()) {
      if (!known.contains(key)) {
        return Optional.of(field + "." + key + " is not a Kafka " + client + " setting (see"
            + " https://kafka.apache.org/documentation/#" + client + "configs)");
      }
    }
    Map<String, String> asText = new HashMap<>();
    config.forEach((key, value) -> asText.put(key, String.valueOf(value)));
    Map<String, ConfigValue> verdicts = definition.validateAll(asText);
    for (Map.Entry<String, String> entry : given.entrySet()) {
      ConfigValue verdict = verdicts.get(entry.getKey());
      if (verdict != null && !verdict.errorMessages().isEmpty()) {
        return Optional.of(field + "." + entry.getKey() + "=" + entry.getValue() + " is rejected by Kafka: "
            + String.join("; ", verdict.errorMessages()));
      }
    }
    try {
      construct.apply(config);
      return Optional.empty();
    } catch (ConfigException e) {
      return Optional.of(field + " is rejected by Kafka as a whole: " + e.getMessage());
    }
  }
}

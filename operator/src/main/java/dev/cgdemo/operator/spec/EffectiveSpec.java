package dev.cgdemo.operator.spec;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoSpec;
import dev.cgdemo.operator.model.ConsumersSpec;
import dev.cgdemo.operator.model.ProducerSpec;
import dev.cgdemo.operator.model.TopicSpec;
import dev.cgdemo.worker.consume.GroupProtocolChoice;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A resource's spec with every default filled in (the schema's defaults are not applied where no
 * API server enforces them, so the operator applies the same ones). Only built from a valid spec.
 */
public record EffectiveSpec(
    String name,
    String namespace,
    String bootstrapServers,
    String workerImage,
    String topicName,
    int partitions,
    int replicationFactor,
    boolean deleteTopicWithResource,
    int consumerReplicas,
    String groupId,
    String protocol,
    String assignor,
    boolean staticMembership,
    int processingDelayMs,
    boolean producerEnabled,
    int messagesPerSecond,
    int keys,
    SortedMap<String, String> consumerKafkaProperties,
    SortedMap<String, String> producerKafkaProperties) {

  public static final String CLASSIC = GroupProtocolChoice.CLASSIC.kafkaName();
  public static final String CONSUMER = GroupProtocolChoice.CONSUMER.kafkaName();
  /** The schema's default of spec.topic.replicationFactor. */
  public static final int DEFAULT_REPLICATION_FACTOR = 1;

  public static EffectiveSpec of(ConsumerGroupDemo resource, OperatorDefaults defaults) {
    String name = resource.getMetadata().getName();
    ConsumerGroupDemoSpec spec = resource.getSpec();
    TopicSpec topic = spec.getTopic();
    ConsumersSpec consumers = spec.getConsumers();
    ProducerSpec producer = Objects.requireNonNullElseGet(spec.getProducer(), ProducerSpec::new);
    String protocol = Objects.requireNonNullElse(consumers.getProtocol(), CLASSIC);
    return new EffectiveSpec(
        name,
        resource.getMetadata().getNamespace(),
        orDefault(spec.getBootstrapServers(), defaults.bootstrapServers()),
        orDefault(spec.getWorkerImage(), defaults.workerImage()),
        orDefault(topic.getName(), name),
        topic.getPartitions(),
        Objects.requireNonNullElse(topic.getReplicationFactor(), DEFAULT_REPLICATION_FACTOR),
        Boolean.TRUE.equals(topic.getDeleteWithResource()),
        consumers.getReplicas(),
        orDefault(consumers.getGroupId(), name + "-group"),
        protocol,
        orDefault(consumers.getAssignor(), defaultAssignor(protocol)),
        Boolean.TRUE.equals(consumers.getStaticMembership()),
        Objects.requireNonNullElse(consumers.getProcessingDelayMs(), 0),
        producerEnabled(spec),
        Objects.requireNonNullElse(producer.getMessagesPerSecond(), 5),
        Objects.requireNonNullElse(producer.getKeys(), 20),
        sorted(consumers.getKafkaProperties()),
        sorted(producer.getKafkaProperties()));
  }

  public EffectiveSpec {
    consumerKafkaProperties = Collections.unmodifiableSortedMap(new TreeMap<>(consumerKafkaProperties));
    producerKafkaProperties = Collections.unmodifiableSortedMap(new TreeMap<>(producerKafkaProperties));
  }

  public static String defaultAssignor(String protocol) {
    return (CONSUMER.equals(protocol) ? GroupProtocolChoice.CONSUMER : GroupProtocolChoice.CLASSIC).defaultAssignor();
  }

  public String consumerName() {
    return name + "-consumer";
  }

  /** A producer runs unless {@code spec.producer.enabled} is false. */
  public static boolean producerEnabled(ConsumerGroupDemoSpec spec) {
    return spec.getProducer() == null || !Boolean.FALSE.equals(spec.getProducer().getEnabled());
  }

  public String producerName() {
    return name + "-producer";
  }

  private static SortedMap<String, String> sorted(Map<String, String> properties) {
    return properties == null ? new TreeMap<>() : new TreeMap<>(properties);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}

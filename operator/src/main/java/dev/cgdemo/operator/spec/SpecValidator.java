package dev.cgdemo.operator.spec;

import dev.cgdemo.operator.model.ChaosSpec;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoSpec;
import dev.cgdemo.operator.model.ConsumersSpec;
import dev.cgdemo.operator.model.ProducerSpec;
import dev.cgdemo.operator.model.TopicSpec;
import dev.cgdemo.worker.consume.ConsumerProperties;
import dev.cgdemo.worker.consume.GroupProtocolChoice;
import dev.cgdemo.worker.produce.ProducerProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the CRD schema rejects at `kubectl apply`, checked again by the operator: an API server
 * without CEL (Kubernetes before 1.25) or without any schema (a mock) lets it through. Transition
 * rules (topic name, partitions, replicationFactor) are judged against the topic spec the operator last
 * accepted ({@link TopicTransitions}); the topic in Kafka is judged again by the topic dependent.
 */
public final class SpecValidator {

  /** `<name>-consumer-N` pods carry a controller-revision-hash label that must stay within 63 characters. */
  static final int MAX_NAME_LENGTH = 43;

  private static final Pattern TOPIC_NAME = Pattern.compile(TopicSpec.NAME_PATTERN);
  private static final Pattern EVERY = Pattern.compile(ChaosSpec.EVERY_PATTERN);
  private static final List<String> CHAOS_ACTIONS = List.of("delete", "kill", "scale");
  private static final Pattern BOOTSTRAP_ENTRY = Pattern.compile("^[^\\s:,]+:\\d{1,5}$");

  private final OperatorDefaults defaults;

  public SpecValidator(OperatorDefaults defaults) {
    this.defaults = defaults;
  }

  /**
   * Every problem of {@code resource} updated from {@code acceptedTopic} (the topic spec last accepted, null for
   * none yet): what {@link #validate(ConsumerGroupDemo)} finds and the refused topic changes.
   */
  public List<String> validate(ConsumerGroupDemo resource, TopicSpec acceptedTopic) {
    List<String> problems = validate(resource);
    if (resource.getSpec() != null) {
      problems.addAll(TopicTransitions.refused(acceptedTopic, resource.getSpec().getTopic()));
    }
    return problems;
  }

  /** Every problem found, each a sentence naming the field and what is allowed; empty when valid. */
  public List<String> validate(ConsumerGroupDemo resource) {
    List<String> problems = new ArrayList<>();
    String name = resource.getMetadata().getName();
    if (name != null && name.length() > MAX_NAME_LENGTH) {
      problems.add("metadata.name must be at most " + MAX_NAME_LENGTH + " characters (the consumer pods are named <name>-consumer-N)");
    }
    ConsumerGroupDemoSpec spec = resource.getSpec();
    if (spec == null) {
      problems.add("spec is required");
      return problems;
    }
    checkBootstrap(spec.getBootstrapServers(), problems);
    checkTopic(spec.getTopic(), problems);
    checkConsumers(spec.getConsumers(), problems);
    checkProducer(spec.getProducer(), problems);
    checkChaos(spec.getChaos(), problems);
    if (spec.getWorkerImage() != null && spec.getWorkerImage().isBlank()) {
      problems.add("spec.workerImage must not be blank; leave it out to use the operator's image");
    }
    return problems;
  }

  private void checkBootstrap(String fromSpec, List<String> problems) {
    String bootstrap = fromSpec == null ? defaults.bootstrapServers() : fromSpec;
    if (bootstrap == null || bootstrap.isBlank()) {
      problems.add("no Kafka address: set spec.bootstrapServers or start the operator with --bootstrap-servers");
      return;
    }
    for (String entry : bootstrap.split(",", -1)) {
      if (!BOOTSTRAP_ENTRY.matcher(entry.trim()).matches()) {
        problems.add("spec.bootstrapServers must be a comma-separated list of host:port, got \"" + bootstrap + "\"");
        return;
      }
    }
  }

  private static void checkTopic(TopicSpec topic, List<String> problems) {
    if (topic == null) {
      problems.add("spec.topic is required");
      return;
    }
    if (topic.getName() != null && !TOPIC_NAME.matcher(topic.getName()).matches()) {
      problems.add("spec.topic.name \"" + topic.getName() + "\" is not a legal Kafka topic name"
          + " (1 to 249 of a-z A-Z 0-9 . _ -)");
    }
    if (topic.getPartitions() == null) {
      problems.add("spec.topic.partitions is required");
    } else if (topic.getPartitions() < 1) {
      problems.add("spec.topic.partitions must be at least 1, got " + topic.getPartitions());
    }
    if (topic.getReplicationFactor() != null && topic.getReplicationFactor() < 1) {
      problems.add("spec.topic.replicationFactor must be at least 1, got " + topic.getReplicationFactor());
    }
  }

  private static void checkConsumers(ConsumersSpec consumers, List<String> problems) {
    if (consumers == null) {
      problems.add("spec.consumers is required");
      return;
    }
    if (consumers.getReplicas() == null) {
      problems.add("spec.consumers.replicas is required");
    } else if (consumers.getReplicas() < 0) {
      problems.add("spec.consumers.replicas must be at least 0, got " + consumers.getReplicas());
    }
    if (consumers.getGroupId() != null && consumers.getGroupId().isBlank()) {
      problems.add("spec.consumers.groupId must not be blank; leave it out for <name>-group");
    }
    String protocol = consumers.getProtocol() == null ? EffectiveSpec.CLASSIC : consumers.getProtocol();
    Optional<GroupProtocolChoice> choice = Arrays.stream(GroupProtocolChoice.values())
        .filter(c -> c.kafkaName().equals(protocol)).findFirst();
    if (choice.isEmpty()) {
      problems.add("spec.consumers.protocol must be classic or consumer, got \"" + protocol + "\"");
    } else if (consumers.getAssignor() != null && !choice.get().assignors().contains(consumers.getAssignor())) {
      problems.add("spec.consumers.assignor \"" + consumers.getAssignor() + "\" does not fit protocol "
          + protocol + "; allowed: " + String.join(", ", choice.get().assignors().stream().sorted().toList()));
    }
    if (consumers.getProcessingDelayMs() != null && consumers.getProcessingDelayMs() < 0) {
      problems.add("spec.consumers.processingDelayMs must be at least 0, got " + consumers.getProcessingDelayMs());
    }
    KafkaPropertiesShape.check("spec.consumers.kafkaProperties", consumers.getKafkaProperties(),
        ConsumerProperties.OWNED, problems);
  }

  private static void checkProducer(ProducerSpec producer, List<String> problems) {
    if (producer == null) {
      return;
    }
    if (producer.getMessagesPerSecond() != null && producer.getMessagesPerSecond() < 1) {
      problems.add("spec.producer.messagesPerSecond must be at least 1, got " + producer.getMessagesPerSecond());
    }
    if (producer.getKeys() != null && producer.getKeys() < 1) {
      problems.add("spec.producer.keys must be at least 1, got " + producer.getKeys());
    }
    KafkaPropertiesShape.check("spec.producer.kafkaProperties", producer.getKafkaProperties(),
        ProducerProperties.OWNED, problems);
  }

  private static void checkChaos(ChaosSpec chaos, List<String> problems) {
    if (chaos == null) {
      return;
    }
    if (chaos.getEvery() == null) {
      problems.add("spec.chaos.every is required, e.g. 30s");
    } else if (!EVERY.matcher(chaos.getEvery()).matches()) {
      problems.add("spec.chaos.every must be a positive duration in ms, s, m or h, e.g. 30s, got \"" + chaos.getEvery() + "\"");
    }
    if (chaos.getActions() == null || chaos.getActions().isEmpty()) {
      problems.add("spec.chaos.actions needs at least one of " + String.join(", ", CHAOS_ACTIONS));
    } else if (!CHAOS_ACTIONS.containsAll(chaos.getActions())) {
      problems.add("spec.chaos.actions may hold " + String.join(", ", CHAOS_ACTIONS) + ", got " + chaos.getActions());
    }
    if (chaos.getMinReplicas() != null && chaos.getMinReplicas() < 1) {
      problems.add("spec.chaos.minReplicas must be at least 1, got " + chaos.getMinReplicas());
    }
    if (chaos.getMaxReplicas() != null && chaos.getMaxReplicas() < 1) {
      problems.add("spec.chaos.maxReplicas must be at least 1, got " + chaos.getMaxReplicas());
    }
    if (chaos.getMinReplicas() != null && chaos.getMaxReplicas() != null
        && chaos.getMinReplicas() > chaos.getMaxReplicas()) {
      problems.add("spec.chaos.minReplicas must not be greater than spec.chaos.maxReplicas, got "
          + chaos.getMinReplicas() + " > " + chaos.getMaxReplicas());
    }
  }
}

package dev.cgdemo.worker.consume;

import java.util.Map;
import java.util.Objects;

/**
 * Everything one group member needs. The canonical constructor validates, so every instance can run.
 *
 * @param bootstrapServers  Kafka bootstrap servers, e.g. {@code localhost:9092}
 * @param topic             the topic to subscribe to
 * @param groupId           {@code group.id}
 * @param consumerId        {@code client.id}; also {@code group.instance.id} when {@code staticMembership}
 * @param protocol          classic or consumer (KIP-848)
 * @param assignor          an assignor of {@code protocol} ({@link GroupProtocolChoice#assignors()}), or null for its default
 * @param staticMembership  whether {@code group.instance.id = consumerId}
 * @param processingDelayMs pause per record, to make processing visible and slow (>= 0)
 * @param kafkaProperties   extra consumer properties, applied last (they win over the ones derived here)
 */
public record ConsumerSettings(
        String bootstrapServers,
        String topic,
        String groupId,
        String consumerId,
        GroupProtocolChoice protocol,
        String assignor,
        boolean staticMembership,
        long processingDelayMs,
        Map<String, String> kafkaProperties) {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_TOPIC = "web-events-partitioned";
    public static final String DEFAULT_GROUP = "web-events-group";

    public ConsumerSettings {
        bootstrapServers = requireText("bootstrap-servers", bootstrapServers);
        topic = requireText("topic", topic);
        groupId = requireText("group", groupId);
        consumerId = requireText("id", consumerId);
        Objects.requireNonNull(protocol, "protocol");
        if (assignor != null && assignor.isBlank()) {
            assignor = null;
        }
        if (assignor != null && !protocol.assignors().contains(assignor)) {
            throw new InvalidSettingException("assignor", "'" + assignor + "' is not an assignor of the "
                    + protocol.kafkaName() + " protocol; allowed: " + String.join(", ", protocol.assignors()));
        }
        if (processingDelayMs < 0) {
            throw new InvalidSettingException("processing-delay-ms",
                    "must be 0 or more milliseconds, was " + processingDelayMs);
        }
        kafkaProperties = kafkaProperties == null ? Map.of() : Map.copyOf(kafkaProperties);
    }

    /** Settings with the defaults: classic protocol, its default assignor, dynamic membership, no delay. */
    public static ConsumerSettings of(String bootstrapServers, String topic, String groupId, String consumerId) {
        return new ConsumerSettings(bootstrapServers, topic, groupId, consumerId,
                GroupProtocolChoice.CLASSIC, null, false, 0, Map.of());
    }

    /** The assignor that will be used: the one asked for, or the protocol's default. */
    public String effectiveAssignor() {
        return assignor != null ? assignor : protocol.defaultAssignor();
    }

    public ConsumerSettings withConsumerId(String newConsumerId) {
        return new ConsumerSettings(bootstrapServers, topic, groupId, newConsumerId, protocol, assignor,
                staticMembership, processingDelayMs, kafkaProperties);
    }

    /** Also resets the assignor to the new protocol's default. */
    public ConsumerSettings withProtocol(GroupProtocolChoice newProtocol) {
        return new ConsumerSettings(bootstrapServers, topic, groupId, consumerId, newProtocol, null,
                staticMembership, processingDelayMs, kafkaProperties);
    }

    public ConsumerSettings withAssignor(String newAssignor) {
        return new ConsumerSettings(bootstrapServers, topic, groupId, consumerId, protocol, newAssignor,
                staticMembership, processingDelayMs, kafkaProperties);
    }

    public ConsumerSettings withStaticMembership(boolean newStaticMembership) {
        return new ConsumerSettings(bootstrapServers, topic, groupId, consumerId, protocol, assignor,
                newStaticMembership, processingDelayMs, kafkaProperties);
    }

    public ConsumerSettings withProcessingDelayMs(long newProcessingDelayMs) {
        return new ConsumerSettings(bootstrapServers, topic, groupId, consumerId, protocol, assignor,
                staticMembership, newProcessingDelayMs, kafkaProperties);
    }

    public ConsumerSettings withKafkaProperties(Map<String, String> newKafkaProperties) {
        return new ConsumerSettings(bootstrapServers, topic, groupId, consumerId, protocol, assignor,
                staticMembership, processingDelayMs, newKafkaProperties);
    }

    static String requireText(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(option, "must not be empty");
        }
        return value.trim();
    }
}

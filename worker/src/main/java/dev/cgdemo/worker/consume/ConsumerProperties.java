package dev.cgdemo.worker.consume;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Turns {@link ConsumerSettings} into Kafka consumer properties. */
public final class ConsumerProperties {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerProperties.class);

    /** Client settings the consumer protocol refuses (the broker owns them there); dropped with a warning. */
    public static final Set<String> CLASSIC_ONLY = Set.of(
            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
            ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);

    /**
     * Settings the worker owns: the member's identity (group, client and instance id, which map members to pods),
     * its protocol and assignor (spec fields of their own), and what makes "nothing is skipped" true (bytes
     * deserializers, commits only of what was processed, a new group starting at the earliest offset, no topic
     * auto-creation). The operator refuses them in a resource's {@code spec.consumers.kafkaProperties}.
     */
    public static final Set<String> OWNED = Set.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ConsumerConfig.GROUP_ID_CONFIG,
            ConsumerConfig.CLIENT_ID_CONFIG,
            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
            ConsumerConfig.GROUP_PROTOCOL_CONFIG,
            ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG,
            ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);

    private ConsumerProperties() {
    }

    /** The properties a member runs with; {@link ConsumerSettings#kafkaProperties()} are applied last. */
    public static Map<String, Object> of(ConsumerSettings settings) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.consumerId());
        // Bytes, as ConsumerPerformance reads them: keys and values become strings only when something reads them.
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group starts at the beginning, so records produced before anyone joined are not skipped.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Never let a subscription create a topic with the broker's default partition count.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // Notice added partitions within seconds rather than the default five minutes.
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "10000");
        if (settings.processingDelayMs() > 0) {
            // Keep one poll's worth of work near a second, so rebalances and shutdown are not held up.
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(Math.max(1, 1000 / settings.processingDelayMs())));
        } else {
            // Without a delay a record costs microseconds: fewer, larger polls mean fewer commits and output lines per
            // record, and fewer audit entries (lab bench --throughput); a poll of 5000 still takes a few milliseconds.
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        }
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, settings.protocol().kafkaName());
        switch (settings.protocol()) {
            case CLASSIC -> props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    classicAssignorClass(settings.effectiveAssignor()));
            case CONSUMER -> props.put(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG, settings.effectiveAssignor());
        }
        if (settings.staticMembership()) {
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.consumerId());
        }
        settings.kafkaProperties().forEach((key, value) -> {
            if (settings.protocol() == GroupProtocolChoice.CONSUMER && CLASSIC_ONLY.contains(key)) {
                LOG.warn("[{}] ignoring {}={}: the consumer protocol takes it from the broker (group.consumer.*)",
                        settings.consumerId(), key, value);
            } else {
                props.put(key, value);
            }
        });
        return props;
    }

    static String classicAssignorClass(String assignor) {
        return switch (assignor) {
            case "range" -> RangeAssignor.class.getName();
            case "roundrobin" -> RoundRobinAssignor.class.getName();
            case "sticky" -> StickyAssignor.class.getName();
            case "cooperative-sticky" -> CooperativeStickyAssignor.class.getName();
            default -> throw new InvalidSettingException("assignor", "unknown classic assignor '" + assignor + "'");
        };
    }
}

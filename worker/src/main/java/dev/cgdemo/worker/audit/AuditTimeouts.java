package dev.cgdemo.worker.audit;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How long the audit may hold a member's poll loop, derived from the members' {@code max.poll.interval.ms} (a member
 * that does not poll within it is thrown out of the group): a tenth of it, between 1 and 10 seconds. Every entry sent
 * is stored or failed within {@link #flush()} ({@code delivery.timeout.ms}), so a flush before a commit waits no
 * longer; a send waits at most half of it for the audit topic's metadata ({@code max.block.ms}).
 */
public record AuditTimeouts(Duration flush) {

    /** Kafka's default {@code max.poll.interval.ms}. */
    static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMinutes(5);
    private static final Duration MIN_FLUSH = Duration.ofSeconds(1);
    private static final Duration MAX_FLUSH = Duration.ofSeconds(10);

    /** From the Kafka client settings the members run with (a value Kafka would refuse counts as the default). */
    public static AuditTimeouts of(Map<String, String> kafkaProperties) {
        Duration maxPollInterval = DEFAULT_MAX_POLL_INTERVAL;
        String configured = kafkaProperties.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        if (configured != null) {
            try {
                maxPollInterval = Duration.ofMillis(Long.parseLong(configured.trim()));
            } catch (NumberFormatException e) {
                // the members refuse it at start; nothing to audit then
            }
        }
        Duration tenth = maxPollInterval.dividedBy(10);
        return new AuditTimeouts(tenth.compareTo(MIN_FLUSH) < 0 ? MIN_FLUSH : tenth.compareTo(MAX_FLUSH) > 0 ? MAX_FLUSH : tenth);
    }

    /** The producer settings that keep every send and flush within {@link #flush()}. */
    Map<String, Object> producerSettings() {
        long half = flush.toMillis() / 2;
        return Map.of(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(flush.toMillis()),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(half - AuditPublisher.LINGER_MS),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(half));
    }
}

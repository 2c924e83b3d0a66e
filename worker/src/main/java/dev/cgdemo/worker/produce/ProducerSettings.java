package dev.cgdemo.worker.produce;

import dev.cgdemo.worker.consume.InvalidSettingException;

import java.util.Map;
import java.util.OptionalLong;

/**
 * What an {@link EventProducer} sends. The canonical constructor validates.
 *
 * @param ratePerSecond   records per second, > 0
 * @param keys            distinct user ids ({@code user-1..user-<keys>}), >= 1
 * @param count           stop after this many records; empty = until closed
 * @param producerId      goes into every event, with a sequence number counting from 0
 * @param kafkaProperties extra producer properties, applied last
 */
public record ProducerSettings(String bootstrapServers, String topic, String producerId, double ratePerSecond,
                               int keys, OptionalLong count, Map<String, String> kafkaProperties) {

    public ProducerSettings {
        bootstrapServers = requireText("bootstrap-servers", bootstrapServers);
        topic = requireText("topic", topic);
        producerId = requireText("producer-id", producerId);
        checkRateAndKeys(ratePerSecond, keys);
        count = count == null ? OptionalLong.empty() : count;
        if (count.isPresent() && count.getAsLong() < 0) {
            throw new InvalidSettingException("count", "must be 0 or more records, was " + count.getAsLong());
        }
        kafkaProperties = kafkaProperties == null ? Map.of() : Map.copyOf(kafkaProperties);
    }

    /**
     * The checks of {@code --rate} and {@code --keys}, for a caller that takes them before it has a topic or broker.
     *
     * @throws InvalidSettingException naming {@code rate} or {@code keys}
     */
    public static void checkRateAndKeys(double ratePerSecond, int keys) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new InvalidSettingException("rate", "must be a number of messages per second greater than 0, was " + ratePerSecond);
        }
        if (keys < 1) {
            throw new InvalidSettingException("keys", "must be 1 or more distinct user ids, was " + keys);
        }
    }

    /** 5 records per second over 20 keys, until closed. */
    public static ProducerSettings of(String bootstrapServers, String topic, String producerId) {
        return new ProducerSettings(bootstrapServers, topic, producerId, 5, 20, OptionalLong.empty(), Map.of());
    }

    public ProducerSettings withRate(double newRatePerSecond) {
        return new ProducerSettings(bootstrapServers, topic, producerId, newRatePerSecond, keys, count, kafkaProperties);
    }

    public ProducerSettings withKeys(int newKeys) {
        return new ProducerSettings(bootstrapServers, topic, producerId, ratePerSecond, newKeys, count, kafkaProperties);
    }

    public ProducerSettings withCount(long newCount) {
        return new ProducerSettings(bootstrapServers, topic, producerId, ratePerSecond, keys, OptionalLong.of(newCount), kafkaProperties);
    }

    public ProducerSettings withKafkaProperties(Map<String, String> newKafkaProperties) {
        return new ProducerSettings(bootstrapServers, topic, producerId, ratePerSecond, keys, count, newKafkaProperties);
    }

    private static String requireText(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(option, "must not be empty");
        }
        return value.trim();
    }
}

package dev.cgdemo.worker.consume;

import dev.cgdemo.worker.produce.WebEvent;
import dev.cgdemo.worker.produce.WebEventJson;

import java.util.Optional;

/**
 * One record a member has processed.
 *
 * @param value the record's value as received (JSON of a {@link WebEvent}, or anything else: it is still processed
 *              and committed); {@link #event()} parses it when asked
 */
public record ProcessedRecord(String topic, int partition, long offset, String key, String value, long timestampMs) {

    /** Immutable and thread-safe: one parser for every record. */
    private static final WebEventJson JSON = new WebEventJson();

    /** A record whose value is {@code event} written as JSON, or no value when empty. */
    public ProcessedRecord(String topic, int partition, long offset, String key, Optional<WebEvent> event, long timestampMs) {
        this(topic, partition, offset, key, event.map(JSON::write).orElse(null), timestampMs);
    }

    /**
     * The value as a web event, parsed on each call; empty when it is not one. Parsed on demand because parsing every
     * record took two thirds of a member's CPU (lab bench --throughput) while only per-record output reads it.
     */
    public Optional<WebEvent> event() {
        return JSON.read(value);
    }
}

package dev.cgdemo.worker.consume;

import dev.cgdemo.worker.produce.WebEvent;

import java.util.Optional;

/**
 * One record a member has processed.
 *
 * @param event the parsed value; empty when the value was not a {@link WebEvent} (it is still processed and committed)
 */
public record ProcessedRecord(String topic, int partition, long offset, String key, Optional<WebEvent> event,
                              long timestampMs) {
}

package dev.cgdemo.worker.produce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.Objects;

/**
 * One record's value, as JSON (DESIGN.md):
 * {@code {"userId":"user-7","eventType":"page_view","page":"/products/3","timestamp":"2026-11-25T06:00:00Z","producerId":"producer-1","seq":42}}.
 * The record key is {@code userId}. {@code (producerId, seq)} identifies a record across the whole
 * topic, which is how tests and the lab count lost and duplicated records.
 */
@JsonPropertyOrder({"userId", "eventType", "page", "timestamp", "producerId", "seq"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebEvent(String userId, String eventType, String page, Instant timestamp, String producerId, long seq) {

    public WebEvent {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(producerId, "producerId");
    }

    /** The identity used to count lost and duplicated records. */
    public String recordId() {
        return producerId + "#" + seq;
    }
}

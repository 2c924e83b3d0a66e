package dev.cgdemo.worker.history;

import java.time.Instant;

/**
 * {@code owner} held {@code partition} from {@code from} to {@code to} (null while it still does) and processed
 * {@code records} records of it meanwhile.
 */
public record OwnershipInterval(int partition, String owner, Instant from, Instant to, long records) {
}

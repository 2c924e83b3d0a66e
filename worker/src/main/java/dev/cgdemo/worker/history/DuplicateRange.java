package dev.cgdemo.worker.history;

/**
 * Offsets processed again by {@code againBy} after {@code firstBy} had processed them, and the number of
 * the rebalance that handed the partition to {@code againBy} in between ({@code null}: no rebalance did,
 * the member re-read them itself, e.g. after a seek).
 */
public record DuplicateRange(OffsetRange offsets, String firstBy, String againBy, Integer rebalance) {
}

package dev.cgdemo.worker.history;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A partition taken from {@code from} and given to {@code to} in a rebalance ({@code from} is null for a first
 * assignment, {@code to} is null when nobody got it; {@code from == to} when an eager rebalance revoked it and
 * gave it back). {@code pauseMs}: from the last record {@code from} processed to the first {@code to} processed,
 * null when one of them is missing.
 */
public record Handover(int partition, String from, String to, Long pauseMs) {

    @JsonProperty
    public boolean moved() {
        return from != null && to != null && !from.equals(to);
    }
}

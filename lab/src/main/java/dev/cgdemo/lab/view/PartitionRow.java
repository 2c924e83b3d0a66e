package dev.cgdemo.lab.view;

import java.util.OptionalLong;

/**
 * One line of {@code kafka-consumer-groups --describe}.
 *
 * @param committedOffset the group's committed offset, empty when nothing is committed yet
 * @param clientId        the owning member's client id, or {@code -} when unassigned
 */
public record PartitionRow(int partition, OptionalLong committedOffset, long logEndOffset, String clientId) {

    /** Log-end minus committed (never below 0); everything when nothing is committed. */
    public long lag() {
        return Math.max(0, logEndOffset - committedOffset.orElse(0));
    }
}

package dev.cgdemo.worker.watch;

/**
 * One line of {@code kafka-consumer-groups --describe}: the partition's owner (a member's client id, null when
 * nobody owns it), the group's committed offset (null until the group commits), and the log's start and end.
 */
public record PartitionRow(int partition, String owner, Long committed, long start, long end) {

    /** Records not yet committed; with no commit at all, everything from the log start. */
    public long lag() {
        return Math.max(0, end - (committed == null ? start : Math.max(start, committed)));
    }

    /** The committed position as the verifier counts it: the log start when nothing (or less) is committed. */
    public long committedOrStart() {
        return committed == null ? start : Math.min(end, Math.max(start, committed));
    }
}

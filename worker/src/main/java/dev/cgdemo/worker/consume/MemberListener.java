package dev.cgdemo.worker.consume;

import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a {@link GroupMember} does, reported as it happens: the single place to learn what was
 * processed and committed (text output, JSON events, metrics and audit publishers all hang here).
 *
 * <p>All callbacks run on the member's poll thread, in this order per rebalance: revoked/lost
 * (after the member committed what it processed of those partitions), then assigned. A callback
 * that throws is logged and does not stop the member; one that throws in {@link #beforeCommit} holds the commit back. Each call carries the member's
 * {@code consumerId} so one listener can serve several members.
 */
public interface MemberListener {

    /** The poll loop is running and has subscribed (it has not joined the group yet). */
    default void onStarted(String consumerId) {
    }

    /** Partitions added to this member; {@code owned} is everything it owns now. Also called with nothing added once joined. */
    default void onAssigned(String consumerId, Collection<TopicPartition> added, Set<TopicPartition> owned) {
    }

    /** Partitions taken away in a rebalance; what was processed of them has just been committed. */
    default void onRevoked(String consumerId, Collection<TopicPartition> revoked, Set<TopicPartition> owned) {
    }

    /** Partitions lost without a chance to commit (the member was fenced or timed out). */
    default void onLost(String consumerId, Collection<TopicPartition> lost, Set<TopicPartition> owned) {
    }

    /** Records processed in one poll, before their offsets are committed. */
    default void onProcessed(String consumerId, ProcessedBatch batch) {
    }

    /**
     * The member is about to commit {@code offsets} (next offsets to read); returns once whatever must be stored
     * before those offsets count as done is stored. Called at most every 100 ms while records flow, and before the
     * synchronous commits on revoke and shutdown. Must return well within {@code max.poll.interval.ms}.
     *
     * @return true when the offsets may be committed; false holds them back (reported as a failed commit with error
     *     {@value GroupMember#AUDIT_NOT_STORED}): the member tries again with its next commit, and on revoke or shutdown
     *     leaves them uncommitted for the next owner, which processes those records again
     */
    default boolean beforeCommit(String consumerId, Map<TopicPartition, Long> offsets) {
        return true;
    }

    /**
     * A commit attempt. {@code offsets} are the next offsets to read (last processed + 1).
     * On failure {@code error} says why; those offsets stay pending and are committed later if the member still owns them.
     */
    default void onCommitted(String consumerId, Map<TopicPartition, Long> offsets, boolean success, String error) {
    }

    /** The member has committed, left the group and closed its consumer. Nothing follows. */
    default void onShutdown(String consumerId) {
    }

    /** A listener that forwards every call to each of {@code listeners}, in order. */
    static MemberListener all(MemberListener... listeners) {
        return new CompositeMemberListener(List.of(listeners));
    }
}

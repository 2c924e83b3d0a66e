package dev.cgdemo.worker.consume;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Forwards each call to several listeners; one that throws does not keep the others from hearing. A commit goes ahead
 * only when every listener's {@link #beforeCommit} returned true.
 */
final class CompositeMemberListener implements MemberListener {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeMemberListener.class);
    private final List<MemberListener> listeners;

    CompositeMemberListener(List<MemberListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void each(Consumer<MemberListener> call) {
        for (MemberListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed: {}", listener.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public void onStarted(String consumerId) {
        each(l -> l.onStarted(consumerId));
    }

    @Override
    public void onAssigned(String consumerId, Collection<TopicPartition> added, Set<TopicPartition> owned) {
        each(l -> l.onAssigned(consumerId, added, owned));
    }

    @Override
    public void onRevoked(String consumerId, Collection<TopicPartition> revoked, Set<TopicPartition> owned) {
        each(l -> l.onRevoked(consumerId, revoked, owned));
    }

    @Override
    public void onLost(String consumerId, Collection<TopicPartition> lost, Set<TopicPartition> owned) {
        each(l -> l.onLost(consumerId, lost, owned));
    }

    @Override
    public void onProcessed(String consumerId, ProcessedBatch batch) {
        each(l -> l.onProcessed(consumerId, batch));
    }

    /** Every listener is asked (each may have something to store); the commit goes ahead only if all agree. */
    @Override
    public boolean beforeCommit(String consumerId, Map<TopicPartition, Long> offsets) {
        boolean all = true;
        for (MemberListener listener : listeners) {
            try {
                all &= listener.beforeCommit(consumerId, offsets);
            } catch (RuntimeException e) {
                // fail closed: a listener that could not do what must precede the commit keeps it from happening
                LOG.warn("listener {} failed before a commit, which is held back: {}", listener.getClass().getSimpleName(), e.toString());
                all = false;
            }
        }
        return all;
    }

    @Override
    public void onCommitted(String consumerId, Map<TopicPartition, Long> offsets, boolean success, String error) {
        each(l -> l.onCommitted(consumerId, offsets, success, error));
    }

    @Override
    public void onShutdown(String consumerId) {
        each(l -> l.onShutdown(consumerId));
    }
}

package dev.cgdemo.lab.view;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Describes the group every {@code interval} and counts rebalances: a rebalance is a change of the
 * settled partition-to-owner map (the first settled assignment counts as one).
 */
public final class GroupWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupWatcher.class);

    private final GroupDescriber describer;
    private final BiConsumer<Integer, GroupSnapshot> onRebalance;
    private final ScheduledExecutorService scheduler;
    private GroupSnapshot latest;
    private SortedMap<Integer, String> lastSettledOwners;
    private int rebalances;

    /** @param onRebalance called with the rebalance count and the new settled snapshot */
    public GroupWatcher(GroupDescriber describer, Duration interval, BiConsumer<Integer, GroupSnapshot> onRebalance) {
        this.describer = describer;
        this.onRebalance = onRebalance;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "group-watcher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            observe(describer.describe());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Could not describe the group: {}", e.toString());
        }
    }

    private void observe(GroupSnapshot snapshot) {
        Optional<Integer> rebalanceNumber = Optional.empty();
        synchronized (this) {
            latest = snapshot;
            if (snapshot.settled(describer.partitionCount()) && !snapshot.owners().equals(lastSettledOwners)) {
                lastSettledOwners = snapshot.owners();
                rebalanceNumber = Optional.of(++rebalances);
            }
            notifyAll();
        }
        rebalanceNumber.ifPresent(n -> onRebalance.accept(n, snapshot));
    }

    public synchronized Optional<GroupSnapshot> latest() {
        return Optional.ofNullable(latest);
    }

    public synchronized int rebalances() {
        return rebalances;
    }

    /**
     * Waits until the group is settled with exactly the members {@code expected} supplies (asked again
     * on every poll, as processes come and go).
     *
     * @return the settled snapshot, or empty after {@code timeout}
     */
    public synchronized Optional<GroupSnapshot> awaitSettled(Supplier<Collection<String>> expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (latest != null && latest.settledWith(expected.get(), describer.partitionCount())) {
                return Optional.of(latest);
            }
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMillis <= 0) {
                return Optional.empty();
            }
            wait(remainingMillis);
        }
    }

    /** Describes now, on the caller's thread. */
    public GroupSnapshot describeNow() throws InterruptedException {
        return describer.describe();
    }

    public Map<Integer, Long> endOffsets() throws Exception {
        return describer.endOffsets();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.cgdemo.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import dev.cgdemo.lab.accounting.OffsetLedger;
import dev.cgdemo.lab.fleet.ConsumerEvent;
import dev.cgdemo.lab.fleet.ConsumerEvent.AssignmentChanged;
import dev.cgdemo.lab.fleet.ConsumerEvent.PartitionRange;
import dev.cgdemo.lab.fleet.ConsumerEvent.RecordsConsumed;
import dev.cgdemo.lab.fleet.ConsumerEvent.ShutdownComplete;

/**
 * What the consumer processes reported: consumed offsets go to the ledger, assignment changes are
 * counted and remembered per consumer. Called from every process's reader thread.
 */
final class ConsumerActivity implements Consumer<ConsumerEvent> {
    private final OffsetLedger ledger;
    private final Instant labStart;
    private final Consumer<String> out;
    private final Map<String, SortedSet<Integer>> ownedByConsumer = new TreeMap<>();
    private Instant firstRecord;
    private long revocations;
    private long losses;
    private long shutdowns;
    private long unreadableLines;

    ConsumerActivity(OffsetLedger ledger, Instant labStart, Consumer<String> out) {
        this.ledger = ledger;
        this.labStart = labStart;
        this.out = out;
    }

    @Override
    public void accept(ConsumerEvent event) {
        if (event instanceof RecordsConsumed consumed) {
            onConsumed(consumed);
        } else if (event instanceof AssignmentChanged change) {
            onAssignmentChanged(change);
        } else if (event instanceof ConsumerEvent.Unreadable unreadable) {
            synchronized (this) {
                unreadableLines++;
            }
            out.accept("[" + unreadable.consumerId() + "] unreadable event line: " + unreadable.line());
        } else if (event instanceof ShutdownComplete done) {
            synchronized (this) {
                shutdowns++;
                ownedByConsumer.remove(done.consumerId());
            }
            out.accept("[" + done.consumerId() + "] shut down cleanly");
        }
    }

    private void onConsumed(RecordsConsumed consumed) {
        for (PartitionRange range : consumed.partitions()) {
            if (range.count() > 0) {
                ledger.recordBatch(range.partition(), range.minOffset(), range.maxOffset(), range.count());
            }
        }
        boolean first;
        synchronized (this) {
            first = firstRecord == null && consumed.count() > 0;
            if (first) {
                firstRecord = Instant.now();
            }
        }
        if (first) {
            out.accept(String.format("first record consumed %.1f s after the lab started (by %s)",
                    Duration.between(labStart, firstRecord).toMillis() / 1000.0, consumed.consumerId()));
        }
    }

    private void onAssignmentChanged(AssignmentChanged change) {
        synchronized (this) {
            SortedSet<Integer> owned = ownedByConsumer.computeIfAbsent(change.consumerId(), c -> new TreeSet<>());
            switch (change.kind()) {
                case ASSIGNED -> owned.addAll(change.partitions());
                case REVOKED -> {
                    owned.removeAll(change.partitions());
                    revocations += change.partitions().isEmpty() ? 0 : 1;
                }
                case LOST -> {
                    owned.removeAll(change.partitions());
                    losses += change.partitions().isEmpty() ? 0 : 1;
                }
            }
        }
        if (!change.partitions().isEmpty()) {
            out.accept("[" + change.consumerId() + "] " + change.kind().name().toLowerCase() + " " + change.partitions());
        }
    }

    synchronized Optional<Duration> timeToFirstRecord() {
        return Optional.ofNullable(firstRecord).map(first -> Duration.between(labStart, first));
    }

    /** Partitions each running consumer says it owns. */
    synchronized Map<String, SortedSet<Integer>> ownedByConsumer() {
        Map<String, SortedSet<Integer>> copy = new TreeMap<>();
        ownedByConsumer.forEach((id, owned) -> copy.put(id, new TreeSet<>(owned)));
        return copy;
    }

    synchronized long revocations() {
        return revocations;
    }

    synchronized long losses() {
        return losses;
    }

    synchronized long unreadableLines() {
        return unreadableLines;
    }

    synchronized long cleanShutdowns() {
        return shutdowns;
    }
}

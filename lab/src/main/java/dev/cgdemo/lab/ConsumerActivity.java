package dev.cgdemo.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import dev.cgdemo.lab.fleet.ConsumerEvent;
import dev.cgdemo.lab.fleet.ConsumerEvent.AssignmentChanged;
import dev.cgdemo.lab.fleet.ConsumerEvent.RecordsConsumed;
import dev.cgdemo.lab.fleet.ConsumerEvent.ShutdownComplete;

/**
 * What the consumer processes printed: records consumed and assignment callbacks are counted, assignment changes
 * shown. Who owns what, rebalances and delivery come from the group's history, not from here. Called from every
 * process's reader thread.
 */
final class ConsumerActivity implements Consumer<ConsumerEvent> {
    private final Instant labStart;
    private final Consumer<String> out;
    private Instant firstRecord;
    private long consumed;
    private long revocations;
    private long losses;
    private long unreadableLines;

    ConsumerActivity(Instant labStart, Consumer<String> out) {
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
            out.accept("[" + done.consumerId() + "] shut down cleanly");
        }
    }

    private void onConsumed(RecordsConsumed consumed) {
        boolean first;
        synchronized (this) {
            this.consumed += consumed.count();
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
            switch (change.kind()) {
                case ASSIGNED -> { }
                case REVOKED -> revocations += change.partitions().isEmpty() ? 0 : 1;
                case LOST -> losses += change.partitions().isEmpty() ? 0 : 1;
            }
        }
        if (!change.partitions().isEmpty()) {
            out.accept("[" + change.consumerId() + "] " + change.kind().name().toLowerCase() + " " + change.partitions());
        }
    }

    synchronized Optional<Duration> timeToFirstRecord() {
        return Optional.ofNullable(firstRecord).map(first -> Duration.between(labStart, first));
    }

    /** Records the consumers reported in their {@code records_consumed} lines, repeats included. */
    synchronized long consumed() {
        return consumed;
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
}

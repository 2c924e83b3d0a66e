package dev.cgdemo.lab.fleet;

import java.util.List;

/**
 * One machine-readable line from a consumer process ({@code --events json}), in the spirit of Kafka's
 * VerifiableConsumer. Only what the lab uses is kept.
 */
public sealed interface ConsumerEvent {

    String consumerId();

    /** Records processed in one poll, per partition. */
    record RecordsConsumed(String consumerId, List<PartitionRange> partitions) implements ConsumerEvent {
        public RecordsConsumed {
            partitions = List.copyOf(partitions);
        }

        public long count() {
            return partitions.stream().mapToLong(PartitionRange::count).sum();
        }
    }

    /** {@code kind} is assigned, revoked or lost. */
    record AssignmentChanged(String consumerId, Kind kind, List<Integer> partitions) implements ConsumerEvent {
        public AssignmentChanged {
            partitions = List.copyOf(partitions);
        }
    }

    record ShutdownComplete(String consumerId) implements ConsumerEvent {
    }

    /** A line that looks like JSON but is not: a broken event would make the accounting wrong, so it is shown. */
    record Unreadable(String consumerId, String line) implements ConsumerEvent {
    }

    enum Kind { ASSIGNED, REVOKED, LOST }

    record PartitionRange(int partition, long minOffset, long maxOffset, long count) {
    }
}

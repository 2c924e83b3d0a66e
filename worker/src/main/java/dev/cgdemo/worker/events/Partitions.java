package dev.cgdemo.worker.events;

import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Partitions in a stable order, and their short human form ({@code p0, p2}). */
final class Partitions {
    static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private Partitions() {
    }

    static List<TopicPartition> sorted(Collection<TopicPartition> partitions) {
        return partitions.stream().sorted(ORDER).toList();
    }

    static String shortList(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return "nothing";
        }
        return sorted(partitions).stream().map(tp -> "p" + tp.partition()).collect(Collectors.joining(", "));
    }
}

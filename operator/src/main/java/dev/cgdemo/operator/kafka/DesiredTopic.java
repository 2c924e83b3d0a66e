package dev.cgdemo.operator.kafka;

public record DesiredTopic(String name, int partitions, int replicationFactor) {
}

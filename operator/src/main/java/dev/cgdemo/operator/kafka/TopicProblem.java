package dev.cgdemo.operator.kafka;

/** Why the topic in Kafka does not match the spec, and was left as it is. */
public record TopicProblem(String reason, String message) {
}

package dev.cgdemo.operator.kafka;

/** The topic as it is in Kafka after reconciling, and the problem that stopped a change, if any. */
public record TopicState(String name, int partitions, int replicationFactor, TopicProblem problem) {

  public boolean ready() {
    return problem == null;
  }
}

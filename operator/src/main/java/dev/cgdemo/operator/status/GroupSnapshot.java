package dev.cgdemo.operator.status;

import java.util.List;

/**
 * One observation of a consumer group and its topic, read with the Admin client. Equal snapshots
 * trigger no reconcile, so this holds only what the status shows.
 *
 * @param unavailable why Kafka could not be read, or null when it could
 * @param delivery    what the audit topic shows, or null when there is none (audit off)
 */
public record GroupSnapshot(
    String groupId,
    String state,
    String protocol,
    Integer generation,
    int members,
    String topic,
    List<PartitionRow> rows,
    String unavailable,
    DeliverySnapshot delivery) {

  public GroupSnapshot(String groupId, String state, String protocol, Integer generation, int members, String topic,
      List<PartitionRow> rows, String unavailable) {
    this(groupId, state, protocol, generation, members, topic, rows, unavailable, null);
  }

  public GroupSnapshot withDelivery(DeliverySnapshot newDelivery) {
    return new GroupSnapshot(groupId, state, protocol, generation, members, topic, rows, unavailable, newDelivery);
  }

  public static GroupSnapshot unavailable(String groupId, String topic, String message) {
    return new GroupSnapshot(groupId, null, null, null, 0, topic, List.of(), message);
  }

  /** A state in which every member holds its final assignment (or there are no members). */
  public boolean settled() {
    return unavailable == null && ("Stable".equals(state) || "Empty".equals(state) || "Dead".equals(state));
  }
}

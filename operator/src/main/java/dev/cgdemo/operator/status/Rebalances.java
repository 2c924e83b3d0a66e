package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.PartitionAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Which partitions changed owner between two settled assignments. */
public final class Rebalances {

  static final String NOBODY = "-";

  private Rebalances() {
  }

  /** "partition: from -> to" for each partition whose owner changed; "-" stands for no owner. */
  public static List<String> moves(List<PartitionAssignment> before, List<PartitionRow> after) {
    Map<Integer, String> previousOwner = new HashMap<>();
    before.forEach(row -> previousOwner.put(row.getPartition(), row.getConsumer()));
    List<String> moves = new ArrayList<>();
    for (PartitionRow row : after) {
      String from = previousOwner.get(row.partition());
      if (!Objects.equals(from, row.owner())) {
        moves.add(row.partition() + ": " + orNobody(from) + " -> " + orNobody(row.owner()));
      }
    }
    return moves;
  }

  private static String orNobody(String owner) {
    return owner == null ? NOBODY : owner;
  }
}

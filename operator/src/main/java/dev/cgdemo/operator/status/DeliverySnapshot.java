package dev.cgdemo.operator.status;

import dev.cgdemo.worker.verify.DeliveryReport;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.Rebalance;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verifier's answer reduced to what the status needs: totals, and per partition the latest handover that
 * moved it to another member (with its pause, null until the new owner has processed a record).
 */
public record DeliverySnapshot(long processed, long lost, long duplicates, List<Handover> latestMoves) {

  public DeliverySnapshot {
    latestMoves = List.copyOf(latestMoves);
  }

  public static DeliverySnapshot of(DeliveryReport report) {
    Map<Integer, Handover> latest = new TreeMap<>();
    for (Rebalance rebalance : report.rebalances()) {
      rebalance.moves().forEach(move -> latest.put(move.partition(), move));
    }
    return new DeliverySnapshot(report.processed(), report.lost(), report.duplicates(), List.copyOf(latest.values()));
  }
}

package dev.cgdemo.operator.status;

import dev.cgdemo.worker.history.Handover;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pause of each move the operator saw, taken from the audit's latest handover of that partition to the same
 * new owner (and from the same old owner, when there was one). Moves to nobody have no pause.
 */
public record RebalancePauses(Map<String, Long> pauseByMove) {

  public RebalancePauses {
    pauseByMove = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pauseByMove));
  }

  public static RebalancePauses of(List<String> moves, DeliverySnapshot delivery) {
    Map<String, Long> pauses = new LinkedHashMap<>();
    for (String text : moves) {
      Move move = Move.parse(text);
      if (move.to() == null) {
        continue;
      }
      Long pause = delivery == null ? null : delivery.latestMoves().stream()
          .filter(h -> h.partition() == move.partition() && move.to().equals(h.to()))
          .filter(h -> move.from() == null || move.from().equals(h.from()))
          .map(Handover::pauseMs)
          .filter(Objects::nonNull)
          .findFirst().orElse(null);
      pauses.put(text, pause);
    }
    return new RebalancePauses(pauses);
  }

  /** Every move to a member has a measured pause. */
  public boolean complete() {
    return pauseByMove.values().stream().allMatch(Objects::nonNull);
  }

  /** The largest measured pause, or null when none is measured. */
  public Long maxMs() {
    return pauseByMove.values().stream().filter(Objects::nonNull).max(Long::compare).orElse(null);
  }

  /** The pause of {@code move} for an Event: " (paused 812 ms)", " (pause not measured)", or "" for a move to nobody. */
  public String describe(String move) {
    if (!pauseByMove.containsKey(move)) {
      return "";
    }
    Long pause = pauseByMove.get(move);
    return pause == null ? " (pause not measured)" : " (paused " + pause + " ms)";
  }
}

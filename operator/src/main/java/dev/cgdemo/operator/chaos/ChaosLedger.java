package dev.cgdemo.operator.chaos;

import dev.cgdemo.operator.model.ChaosActionStatus;
import dev.cgdemo.operator.model.ChaosStatus;
import dev.cgdemo.operator.model.ChaosTotalStatus;
import dev.cgdemo.operator.status.StatusDeriver;
import dev.cgdemo.worker.chaos.ChaosMark;
import dev.cgdemo.worker.chaos.ChaosOutcome;
import dev.cgdemo.worker.chaos.ChaosTotals;
import dev.cgdemo.worker.history.GroupHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Keeps status.chaos: records an action, brings the outcomes of unmeasured ones up to date, keeps the totals. */
final class ChaosLedger {

  private ChaosLedger() {
  }

  static ChaosActionStatus taken(ChaosStatus chaos, Instant at, String action, String pod, Integer replicas,
      GroupHistory history) {
    ChaosMark mark = ChaosMark.of(at, history);
    ChaosActionStatus entry = new ChaosActionStatus();
    entry.setTime(at.toString());
    entry.setAction(action);
    entry.setPod(pod);
    entry.setReplicas(replicas);
    entry.setLost(0L);
    entry.setDuplicates(0L);
    entry.setMeasured(false);
    entry.setRebalancesBefore(mark.rebalancesBefore());
    entry.setLostBefore(mark.lostBefore());
    entry.setDuplicatesBefore(mark.duplicatesBefore());
    List<ChaosActionStatus> recent = new ArrayList<>(chaos.getRecent() == null ? List.of() : chaos.getRecent());
    recent.add(entry);
    while (recent.size() > ChaosStatus.RECENT) {
      ChaosActionStatus dropped = recent.remove(0);
      if (!Boolean.TRUE.equals(dropped.getMeasured())) {
        // Ten actions later it is measured as far as it ever will be.
        measured(chaos, dropped);
      }
    }
    chaos.setRecent(recent);
    chaos.setActions(Objects.requireNonNullElse(chaos.getActions(), 0L) + 1);
    chaos.setLastActionTime(at.toString());
    put(chaos, totals(chaos, action).taken());
    return entry;
  }

  /** The outcome so far of every action not yet measured; one that is measured now goes into its kind's totals. */
  static void observe(ChaosStatus chaos, GroupHistory history, Instant now) {
    for (ChaosActionStatus entry : chaos.getRecent()) {
      if (Boolean.TRUE.equals(entry.getMeasured())) {
        continue;
      }
      ChaosOutcome outcome = ChaosOutcome.of(mark(entry), history, now);
      entry.setRebalance(outcome.rebalance().map(StatusDeriver::rebalanceStatus).orElse(null));
      entry.setLost(outcome.lost());
      entry.setDuplicates(outcome.duplicates());
      if (outcome.measured()) {
        entry.setMeasured(true);
        put(chaos, totals(chaos, entry.getAction()).measured(outcome));
      }
    }
  }

  /** The last action's rebalance has ended (or it is measured without one): the next may follow. */
  static boolean lastActionDone(ChaosStatus chaos) {
    List<ChaosActionStatus> recent = chaos.getRecent();
    if (recent == null || recent.isEmpty()) {
      return true;
    }
    ChaosActionStatus last = recent.get(recent.size() - 1);
    return last.getRebalance() != null || Boolean.TRUE.equals(last.getMeasured());
  }

  private static void measured(ChaosStatus chaos, ChaosActionStatus entry) {
    entry.setMeasured(true);
    put(chaos, totals(chaos, entry.getAction()).measured(
        java.util.Optional.ofNullable(entry.getRebalance()).map(r -> r.getPauseMs()),
        nonNull(entry.getLost()), nonNull(entry.getDuplicates())));
  }

  private static ChaosMark mark(ChaosActionStatus entry) {
    return new ChaosMark(Instant.parse(entry.getTime()), Objects.requireNonNullElse(entry.getRebalancesBefore(), 0),
        nonNull(entry.getLostBefore()), nonNull(entry.getDuplicatesBefore()));
  }

  private static ChaosTotals totals(ChaosStatus chaos, String action) {
    return chaos.getTotals().stream().filter(t -> action.equals(t.getAction())).findFirst()
        .map(t -> new ChaosTotals(action, nonNull(t.getCount()),
            t.getPausesMs() == null ? List.of() : t.getPausesMs(), t.getPauseMaxMs(), nonNull(t.getLost()),
            nonNull(t.getDuplicates())))
        .orElse(ChaosTotals.none(action));
  }

  private static void put(ChaosStatus chaos, ChaosTotals totals) {
    ChaosTotalStatus row = new ChaosTotalStatus();
    row.setAction(totals.action());
    row.setCount(totals.count());
    row.setPauseP50Ms(totals.p50PauseMs());
    row.setPauseMaxMs(totals.maxPauseMs());
    row.setLost(totals.lost());
    row.setDuplicates(totals.duplicates());
    row.setPausesMs(totals.pausesMs());
    List<ChaosTotalStatus> rows = new ArrayList<>(chaos.getTotals());
    rows.removeIf(t -> totals.action().equals(t.getAction()));
    rows.add(row);
    rows.sort((a, b) -> a.getAction().compareTo(b.getAction()));
    chaos.setTotals(rows);
  }

  private static long nonNull(Long value) {
    return value == null ? 0 : value;
  }
}

package dev.cgdemo.lab.chaos;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.cgdemo.lab.fleet.ConsumerFleet;
import dev.cgdemo.lab.fleet.ConsumerProcess;
import dev.cgdemo.worker.chaos.ChaosDecision;
import dev.cgdemo.worker.chaos.ChaosMark;
import dev.cgdemo.worker.chaos.ChaosMoment;
import dev.cgdemo.worker.chaos.ChaosOutcome;
import dev.cgdemo.worker.chaos.ChaosPlan;
import dev.cgdemo.worker.chaos.ChaosScheduler;
import dev.cgdemo.worker.chaos.ChaosTotals;
import dev.cgdemo.worker.history.GroupAction;
import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.RebalanceCause;
import dev.cgdemo.worker.watch.GroupWatch;

/**
 * {@code --chaos} in the lab: the operator's schedule ({@link ChaosScheduler}) with processes instead of pods.
 * {@code kill} is the lab's SIGTERM, {@code crash} its SIGKILL, {@code add} its next consumer; the victim of a
 * kill or crash is taken round-robin over the running consumers. Each action's rebalance and the records lost and
 * processed twice since it go into per-kind totals for the summary. {@link #tick()} is called every half second.
 */
public final class LabChaos {

    private record Taken(String action, String target, ChaosMark mark) {
    }

    private final ChaosPlan plan;
    private final ConsumerFleet fleet;
    private final GroupWatch watch;
    private final Consumer<String> say;
    private final Clock clock;
    private final List<Taken> open = new ArrayList<>();
    private final Map<String, ChaosTotals> totals = new TreeMap<>();
    private Instant lastAction;
    private long taken;
    private boolean lastDone = true;
    private Taken latest;

    public LabChaos(ChaosPlan plan, ConsumerFleet fleet, GroupWatch watch, Consumer<String> say, Clock clock) {
        this.plan = plan;
        this.fleet = fleet;
        this.watch = watch;
        this.say = say;
        this.clock = clock;
        this.lastAction = clock.instant();
        plan.actions().forEach(action -> totals.put(action.name(), ChaosTotals.none(action.name())));
    }

    public synchronized void tick() {
        Instant now = clock.instant();
        GroupHistory history = watch.history();
        observe(history, now, false);
        List<String> alive = fleet.aliveIds();
        boolean settled = watch.caughtUp() && history.settledWith(alive) && lastDone;
        ChaosMoment moment = new ChaosMoment(now, lastAction, taken, true, settled, alive.size(), alive.size());
        if (ChaosScheduler.next(plan, moment) instanceof ChaosDecision.Act act) {
            String action = act.action().name();
            ChaosMark mark = ChaosMark.of(now, history);
            String target;
            if (action.equals(LabChaosOption.ADD)) {
                ConsumerProcess added = fleet.add();
                target = added.id();
                history.acted(GroupAction.CHAOS, action + " " + target, now, RebalanceCause.JOIN, ChaosOutcome.NO_REBALANCE_AFTER);
                say.accept("chaos: add: started " + target + " (pid " + added.pid() + ")");
            } else {
                String id = alive.get((int) Math.floorMod(taken, (long) alive.size()));
                ConsumerProcess victim = fleet.all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
                target = id;
                if (action.equals(LabChaosOption.CRASH)) {
                    history.acted(GroupAction.CHAOS, action + " " + id, now, RebalanceCause.CRASH, ChaosOutcome.NO_REBALANCE_AFTER);
                    victim.crash();
                    say.accept("chaos: crash: sent SIGKILL to " + id + ": its partitions move after the session timeout");
                } else {
                    history.acted(GroupAction.CHAOS, action + " " + id, now, RebalanceCause.LEAVE, ChaosOutcome.NO_REBALANCE_AFTER);
                    victim.terminate();
                    say.accept("chaos: kill: sent SIGTERM to " + id + ": it commits, leaves the group and exits");
                }
            }
            latest = new Taken(action, target, mark);
            open.add(latest);
            totals.computeIfPresent(action, (name, t) -> t.taken());
            lastAction = now;
            lastDone = false;
            taken++;
        }
    }

    /** Takes the outcome of every action not yet measured as it is now (at the end of the run). */
    public synchronized List<ChaosTotals> finish() {
        observe(watch.history(), clock.instant(), true);
        return totals();
    }

    public synchronized List<ChaosTotals> totals() {
        return List.copyOf(totals.values());
    }

    private void observe(GroupHistory history, Instant now, boolean final_) {
        for (var it = open.iterator(); it.hasNext(); ) {
            Taken action = it.next();
            ChaosOutcome outcome = ChaosOutcome.of(action.mark(), history, now);
            if (action == latest && (outcome.rebalance().isPresent() || outcome.measured())) {
                lastDone = true;
            }
            if (outcome.measured() || final_) {
                it.remove();
                totals.computeIfPresent(action.action(), (name, t) -> t.measured(outcome));
                Optional<Long> pause = outcome.pauseMs();
                say.accept("chaos: " + action.action() + " " + action.target() + ": "
                        + outcome.rebalance().map(r -> "rebalance #" + r.number() + " (" + r.cause() + "), "
                        + r.moves().size() + " moved, pause " + pause.map(p -> p + " ms").orElse("not measured"))
                        .orElse("no rebalance")
                        + ", lost " + outcome.lost() + ", duplicates " + outcome.duplicates());
            }
        }
        if (open.isEmpty()) {
            lastDone = true;
        }
    }
}

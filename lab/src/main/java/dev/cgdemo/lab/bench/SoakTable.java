package dev.cgdemo.lab.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The soak's summary: per protocol and kind of event, count, rebalances, pauses, duplicates and lost. */
public final class SoakTable {

    public String render(BenchSettings settings, Duration every, List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d consumers, %d partitions, %.0f records/s; per protocol %d events (the group kept at "
                        + "%d: clean stop (SIGTERM), join, crash (SIGKILL), join, ...), one every %d s or %d s after "
                        + "the group settled, whichever is later. Session timeout %d ms, heartbeat 500 ms. Pause p50 / max "
                        + "in ms over the partitions each kind of event stopped; duplicates attributed through the "
                        + "rebalance that handed the offsets over again; lost = first counted after an event of that "
                        + "kind; 'whole run' is the verifier's count over everything, start-up and shutdown included.%n%n",
                settings.consumers(), settings.partitions(), settings.rate(),
                results.isEmpty() ? 0 : results.get(0).events().size(), settings.consumers(), every.toSeconds(),
                settings.steady().toSeconds(), settings.sessionTimeout().toMillis()));
        out.append("| protocol | event | count | rebalances | pause p50 / max | duplicates | lost |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (ScenarioResult result : results) {
            Map<EventKind, KindSummary> kinds = KindSummary.of(result);
            for (KindSummary kind : kinds.values()) {
                out.append(String.format("| %s | %s | %d | %d | %s | %d | %d |%n", result.protocol().cliName(),
                        kind.kind().label(), kind.events(), kind.rebalances(), kind.pauses().text(), kind.duplicates(),
                        kind.lost()));
            }
            List<Long> allPauses = result.outcomes().stream().flatMap(o -> o.pausesMs().stream()).toList();
            out.append(String.format("| %s | whole run | %d | %d | %s | %d | %d |%n", result.protocol().cliName(),
                    result.events().size(), result.report().rebalances().size(), PauseStats.of(allPauses).text(),
                    result.report().duplicates(), result.report().lost()));
        }
        return out.toString();
    }

    /** Lost by the verifier's final count or by the live history after any event. */
    public static boolean anyLost(List<ScenarioResult> results) {
        return results.stream().anyMatch(r -> r.report().lost() > 0
                || r.lostSoFar().stream().anyMatch(lost -> lost > 0));
    }
}

package dev.cgdemo.lab.bench;

import dev.cgdemo.worker.verify.DeliveryReport;
import java.time.Instant;
import java.util.Map;

/**
 * One protocol's run: the verifier's report and when each event happened ({@code end}: the producer stopped,
 * later rebalances are the shutdown's).
 */
public record ScenarioResult(BenchProtocol protocol, DeliveryReport report, Map<EventKind, Instant> eventTimes, Instant end) {

    public ScenarioResult {
        eventTimes = Map.copyOf(eventTimes);
    }
}

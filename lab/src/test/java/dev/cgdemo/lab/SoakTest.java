package dev.cgdemo.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.lab.bench.BenchProtocol;
import dev.cgdemo.lab.bench.BenchSettings;
import dev.cgdemo.lab.bench.EventKind;
import dev.cgdemo.lab.bench.EventOutcome;
import dev.cgdemo.lab.bench.GroupEvent;
import dev.cgdemo.lab.bench.Pacing;
import dev.cgdemo.lab.bench.RebalanceScenario;
import dev.cgdemo.lab.bench.ScenarioResult;
import dev.cgdemo.lab.bench.SoakLine;
import dev.cgdemo.lab.bench.SoakTable;
import dev.cgdemo.lab.broker.EmbeddedBroker;
import dev.cgdemo.worker.history.Rebalance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * CI's short soak: a real embedded broker, real consumer processes, a clean stop, a join and a crash; every event is
 * recorded with the rebalance it caused and nothing is lost.
 */
class SoakTest {

    @Test
    void aShortSoakRecordsEveryEventWithItsRebalanceAndLosesNothing() throws Exception {
        BenchSettings settings = new BenchSettings(2, 4, 200, 100, Duration.ofSeconds(3), Duration.ofSeconds(4),
                Duration.ofSeconds(60), List.of(BenchProtocol.COOPERATIVE), OptionValues.javaOptions(LabMain.DEFAULT_CONSUMER_JAVA_OPTIONS), 1);
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ScenarioResult result;
        try (EmbeddedBroker broker = EmbeddedBroker.start(BenchCommand.brokerSettings(settings));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            RebalanceScenario scenario = new RebalanceScenario(settings, broker.bootstrapServers(), admin,
                    new PrintStream(progress, true, StandardCharsets.UTF_8));
            result = scenario.run(BenchProtocol.COOPERATIVE, 3, new Pacing(settings.steady(), Duration.ZERO),
                    (protocol, outcome, lostSoFar) -> lines.add(SoakLine.format(protocol, outcome, lostSoFar)));
        }

        assertThat(result.events()).extracting(GroupEvent::number, GroupEvent::kind, GroupEvent::member).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, EventKind.CLEAN_LEAVE, "consumer-1"),
                org.assertj.core.groups.Tuple.tuple(2, EventKind.JOIN, "consumer-3"),
                org.assertj.core.groups.Tuple.tuple(3, EventKind.CRASH, "consumer-2"));
        assertThat(result.report().lost()).as(progress.toString(StandardCharsets.UTF_8)).isEqualTo(0);
        assertThat(result.lostSoFar()).containsExactly(0L, 0L, 0L);
        List<EventOutcome> outcomes = result.outcomes();
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.rebalances()).as("rebalances of %s", outcome.event())
                .isNotEmpty());
        assertThat(outcomes).extracting(o -> o.rebalances().get(0).cause()).containsExactly("leave", "join", "crash");
        assertThat(outcomes.get(0).rebalances().get(0).number()).isGreaterThan(0);
        // the clean stop committed what it processed: nothing it caused was processed twice
        assertThat(outcomes.get(0).duplicates()).isEqualTo(0);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.moved()).isGreaterThan(0));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("[cooperative] event 1 clean leave of consumer-1: rebalance #")
                .contains("(leave)").endsWith("lost so far 0");
        assertThat(lines.get(2)).startsWith("[cooperative] event 3 crash of consumer-2: rebalance #").contains("(crash)");

        String table = new SoakTable().render(settings, Duration.ZERO, List.of(result));
        assertThat(table).contains("| cooperative | clean leave | 1 | ").contains("| cooperative | join | 1 | ")
                .contains("| cooperative | crash | 1 | ").contains("| cooperative | whole run | 3 | ");
        assertThat(SoakTable.anyLost(List.of(result))).isFalse();
        assertThat(result.report().rebalances()).extracting(Rebalance::number).doesNotHaveDuplicates();
    }
}

package dev.cgdemo.worker.consume;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProducerSettings;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.BrokerConfig;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member in its own OS process (the CLI with {@code --events json}) beside two in-process members:
 * SIGKILL loses nothing and re-delivers only what was not committed; SIGTERM commits, leaves and exits 0.
 */
@ExtendWith(KafkaClusterExtension.class)
class ConsumerProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SESSION_TIMEOUT_MS = "3000";

    @BrokerCluster(numBrokers = 1)
    @KRaftCluster
    @BrokerConfig(name = "group.min.session.timeout.ms", value = "1000")
    static KafkaCluster cluster;

    @Test
    void killedProcessLosesNothingAndIsReprocessedOnlyFromItsUncommittedWindow() throws Exception {
        Run run = new Run("crash");
        try (run) {
            run.startAll();
            run.awaitProcessOwnsAPartitionAndConsumed();

            run.process.process.toHandle().destroyForcibly(); // SIGKILL
            assertThat(run.process.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            run.process.drain();

            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(run.survivorPartitions()).as("partitions after the session timeout").hasSize(3));
            run.stopProducerAndAwaitEverythingConsumed();
        }
        Map<String, Long> lastCommitted = lastSuccessfulCommits(run.process);
        for (String position : run.duplicates()) {
            String[] parts = position.split("@");
            long committed = lastCommitted.getOrDefault(parts[0], 0L);
            assertThat(Long.parseLong(parts[1])).as("duplicate %s must lie after the killed member's last commit %s", position, committed)
                    .isGreaterThanOrEqualTo(committed);
            assertThat(run.processConsumed()).as("duplicate %s was first consumed by the killed member", position).contains(position);
        }
    }

    @Test
    void terminatedProcessCommitsLeavesAndExitsZeroWithoutDuplicates() throws Exception {
        Run run = new Run("term");
        try (run) {
            run.startAll();
            run.awaitProcessOwnsAPartitionAndConsumed();

            // SIGTERM via the handle: Process.destroy() would also close our end of its stdout.
            run.process.process.toHandle().destroy();
            assertThat(run.process.process.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s").isTrue();
            assertThat(run.process.process.exitValue()).as("exit code; stderr:%n%s", run.process.stderrText()).isZero();
            run.process.drain();
            List<JsonNode> events = run.process.events;
            assertThat(events.get(events.size() - 1).path("name").asText())
                    .as("last event; events %s%nstderr:%n%s", events.subList(Math.max(0, events.size() - 6), events.size()), run.process.stderrText())
                    .isEqualTo("shutdown_complete");

            await().atMost(WAIT).untilAsserted(() -> assertThat(run.survivorPartitions()).hasSize(3));
            run.stopProducerAndAwaitEverythingConsumed();
        }
        // Every partition the process consumed from was committed up to what it consumed.
        Map<String, Long> maxConsumed = new HashMap<>();
        for (String position : run.processConsumed()) {
            String[] parts = position.split("@");
            maxConsumed.merge(parts[0], Long.parseLong(parts[1]), Math::max);
        }
        Map<String, Long> committed = lastSuccessfulCommits(run.process);
        maxConsumed.forEach((partition, max) -> assertThat(committed.get(partition)).as("commit of p%s", partition).isEqualTo(max + 1));
        assertThat(run.duplicates()).as("records processed twice after a clean stop").isEmpty();
    }

    @Test
    void produceCommandSendsItsCountAndSummarisesEveryRecordInJson() throws Exception {
        String topic = "proc-produce";
        try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        try (WorkerProcess producer = WorkerProcess.start("produce", List.of("produce", "--bootstrap-servers",
                cluster.getBootstrapServers(), "--topic", topic, "--producer-id", "p-1", "--rate", "200", "--count", "300",
                "--events", "json", "--http-port", "0"))) {
            assertThat(producer.process.waitFor(60, TimeUnit.SECONDS)).as("finished by itself").isTrue();
            assertThat(producer.process.exitValue()).as("exit code; stderr:%n%s", producer.stderrText()).isZero();
            producer.drain();
            assertThat(producer.named("startup_complete")).singleElement()
                    .satisfies(e -> assertThat(e.path("partitions").asInt()).isEqualTo(3));
            Set<String> positions = new HashSet<>();
            long counted = 0;
            for (JsonNode event : producer.named("records_produced")) {
                counted += event.path("count").asLong();
                for (JsonNode p : event.path("partitions")) {
                    for (long o = p.path("minOffset").asLong(); o <= p.path("maxOffset").asLong(); o++) {
                        assertThat(positions.add(p.path("partition").asInt() + "@" + o)).as("reported once").isTrue();
                    }
                }
            }
            assertThat(counted).isEqualTo(300);
            assertThat(positions).hasSize(300);
            JsonNode last = producer.events.get(producer.events.size() - 1);
            assertThat(last.path("name").asText()).isEqualTo("shutdown_complete");
            assertThat(last.path("acknowledged").asLong()).isEqualTo(300);
        }
    }

    @Test
    void groupCommandSharesThePartitionsAmongItsMembersAndStopsThemCleanly() throws Exception {
        String topic = "proc-group";
        try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        try (WorkerProcess group = WorkerProcess.start("group", List.of("group", "--consumers", "3", "--id", "g",
                "--bootstrap-servers", cluster.getBootstrapServers(), "--topic", topic, "--group", topic,
                "--events", "json", "--http-port", "0", "--property", "heartbeat.interval.ms=500"))) {
            await().atMost(WAIT).untilAsserted(() -> {
                Map<String, Integer> owned = new HashMap<>();
                for (JsonNode event : group.events) {
                    if (event.path("name").asText().startsWith("partitions_")) {
                        owned.put(event.path("consumerId").asText(), event.path("owned").size());
                    }
                }
                assertThat(owned).isEqualTo(Map.of("g-1", 1, "g-2", 1, "g-3", 1));
            });
            group.process.toHandle().destroy();
            assertThat(group.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(group.process.exitValue()).as("exit code; stderr:%n%s", group.stderrText()).isZero();
            group.drain();
            assertThat(group.named("shutdown_complete")).extracting(e -> e.path("consumerId").asText())
                    .containsExactlyInAnyOrder("g-1", "g-2", "g-3");
        }
    }

    /** Last successful committed offset per partition, from the process's offsets_committed lines. */
    private static Map<String, Long> lastSuccessfulCommits(WorkerProcess process) {
        Map<String, Long> last = new HashMap<>();
        for (JsonNode event : process.named("offsets_committed")) {
            if (event.path("success").asBoolean()) {
                event.path("offsets").forEach(o -> last.put(o.path("partition").asText(), o.path("offset").asLong()));
            }
        }
        return last;
    }

    /** One process member, two in-process members and a producer on a fresh 3-partition topic. */
    private static final class Run implements AutoCloseable {
        final String topic;
        final RecordingListener recorder = new RecordingListener();
        final ProducedLog produced = new ProducedLog();
        final List<GroupMember> survivors = new ArrayList<>();
        EventProducer producer;
        WorkerProcess process;

        Run(String name) throws Exception {
            topic = "proc-" + name;
            try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
        }

        void startAll() throws Exception {
            String group = topic + "-group";
            producer = new EventProducer(ProducerSettings.of(cluster.getBootstrapServers(), topic, topic + "-producer").withRate(40), produced);
            producer.start();
            process = WorkerProcess.start(topic, List.of("consume", "--bootstrap-servers", cluster.getBootstrapServers(),
                    "--topic", topic, "--group", group, "--id", "proc-1", "--events", "json", "--http-port", "0",
                    "--property", "session.timeout.ms=" + SESSION_TIMEOUT_MS, "--property", "heartbeat.interval.ms=500"));
            // Let the process join first, so it certainly gets a partition, then add the others.
            await().atMost(WAIT).until(() -> process.has(e -> e.path("name").asText().equals("partitions_assigned")));
            ConsumerSettings base = ConsumerSettings.of(cluster.getBootstrapServers(), topic, group, "member")
                    .withKafkaProperties(Map.of("session.timeout.ms", SESSION_TIMEOUT_MS, "heartbeat.interval.ms", "500"));
            for (int i = 2; i <= 3; i++) {
                GroupMember member = new GroupMember(base.withConsumerId("member-" + i), recorder);
                survivors.add(member);
                member.start();
            }
        }

        void awaitProcessOwnsAPartitionAndConsumed() {
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(survivors).allSatisfy(m -> assertThat(m.assignment()).hasSize(1));
                JsonNode lastAssignment = process.named("partitions_assigned").get(process.named("partitions_assigned").size() - 1);
                List<JsonNode> changes = new ArrayList<>(process.named("partitions_assigned"));
                changes.addAll(process.named("partitions_revoked"));
                changes.sort((a, b) -> Long.compare(a.path("timestamp").asLong(), b.path("timestamp").asLong()));
                assertThat(changes.get(changes.size() - 1).path("owned")).as("process owns").hasSize(1);
                assertThat(lastAssignment).isNotNull();
            });
            // It has processed and committed something of the partition it owns now.
            int consumedSoFar = process.named("records_consumed").size();
            await().atMost(WAIT).until(() -> process.named("records_consumed").size() > consumedSoFar + 2);
        }

        Set<Object> survivorPartitions() {
            Set<Object> all = new HashSet<>();
            survivors.forEach(m -> all.addAll(m.assignment()));
            return all;
        }

        /** Positions ("partition@offset") the process consumed, duplicates collapsed. */
        Set<String> processConsumed() {
            Set<String> out = new HashSet<>();
            for (JsonNode event : process.named("records_consumed")) {
                event.path("partitions").forEach(p -> {
                    long min = p.path("minOffset").asLong();
                    long max = p.path("maxOffset").asLong();
                    assertThat(p.path("count").asLong()).as("contiguous batch").isEqualTo(max - min + 1);
                    for (long o = min; o <= max; o++) {
                        out.add(p.path("partition").asInt() + "@" + o);
                    }
                });
            }
            return out;
        }

        /** Every consumption, by anyone, as "partition@offset", duplicates kept. */
        List<String> allConsumptions() {
            List<String> all = new ArrayList<>();
            for (JsonNode event : process.named("records_consumed")) {
                event.path("partitions").forEach(p -> {
                    for (long o = p.path("minOffset").asLong(); o <= p.path("maxOffset").asLong(); o++) {
                        all.add(p.path("partition").asInt() + "@" + o);
                    }
                });
            }
            recorder.processed.forEach(p -> all.add(p.record().partition() + "@" + p.record().offset()));
            return all;
        }

        Set<String> duplicates() {
            return GroupWalkthroughTest.duplicates(allConsumptions());
        }

        void stopProducerAndAwaitEverythingConsumed() {
            producer.close();
            assertThat(producer.failed()).isZero();
            assertThat(produced.positions).hasSizeGreaterThan(20);
            await().atMost(WAIT).untilAsserted(() -> assertThat(new HashSet<>(allConsumptions())).containsAll(produced.positions));
        }

        @Override
        public void close() throws Exception {
            if (producer != null) {
                producer.close();
            }
            survivors.forEach(GroupMember::close);
            if (process != null) {
                process.close();
            }
        }
    }
}

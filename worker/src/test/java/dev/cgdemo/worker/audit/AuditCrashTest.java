package dev.cgdemo.worker.audit;
import dev.cgdemo.worker.history.PartitionReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cgdemo.worker.WorkerMain;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducerSettings;
import dev.cgdemo.worker.verify.DeliveryReport;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.PartitionOffsets;
import dev.cgdemo.worker.history.PartitionReport;
import dev.cgdemo.worker.verify.VerifierSettings;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.BrokerConfig;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consumer process killed with SIGKILL after it processed (and reported, in a {@code records_consumed} line) records
 * it had not committed yet: the survivor processes exactly those again, from the committed offset on, and the verifier
 * reports nothing lost. The kill point is checked, not hoped for: the victim is frozen (SIGSTOP), its reported work
 * compared with the broker's committed offset, and only then killed, so nothing changes between check and kill.
 */
@ExtendWith(KafkaClusterExtension.class)
class AuditCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BrokerCluster(numBrokers = 1)
    @KRaftCluster
    @BrokerConfig(name = "group.min.session.timeout.ms", value = "1000")
    static KafkaCluster cluster;

    /** The victim's state when it was killed: its partition, the broker's committed offset, its last reported offset. */
    private record KillPoint(int partition, long committed, long lastProcessed) {
        long redelivered() {
            return lastProcessed - committed + 1;
        }
    }

    @Test
    void aConsumerKilledWithUncommittedWorkIsReplayedFromTheCommittedOffsetAndLosesNothing() throws Exception {
        String topic = "crash";
        String group = "crash-group";
        try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        String bootstrap = cluster.getBootstrapServers();
        BrokerOffsets offsets = new BrokerOffsets(bootstrap, Map.of());
        DeliveryReport report;
        KillPoint kill;
        List<String> survivorLines;
        int survivorLinesAtKill;
        // 5 ms per record, 40 records/s per member: several polls, each reported, between two commits (100 ms apart)
        try (EventProducer producer = new EventProducer(ProducerSettings.of(bootstrap, topic, "crash-producer").withRate(80),
                     new ProduceListener() { });
             MemberProcess survivor = consumer(bootstrap, topic, group, "survivor");
             MemberProcess victim = consumer(bootstrap, topic, group, "victim")) {
            victim.awaitLine(owns(1), WAIT);
            survivor.awaitLine(owns(1), WAIT);
            producer.start();
            victim.awaitLines(AuditCrashTest::committed, 3, WAIT);

            kill = await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> frozenWithUncommittedWork(victim, offsets, topic, group), point -> point != null);
            survivorLinesAtKill = survivor.lines().size();
            victim.kill();
            producer.close();   // the survivor alone could not keep up with the producer
            List<PartitionOffsets> atKill = offsets.read(topic, group);
            assertThat(atKill.get(kill.partition()).committed()).as("committed offset after the kill").isEqualTo(kill.committed());

            // the survivor carries on past everything that had been produced when the victim died
            await().atMost(WAIT).until(() -> offsets.read(topic, group).stream()
                    .allMatch(now -> now.committed() >= atKill.get(now.partition()).end()));
            assertThat(survivor.stop(WAIT)).as("survivor exit code after SIGTERM").isZero();
            survivorLines = survivor.lines();
            report = new GroupVerification(bootstrap, Map.of(), VerifierSettings.DEFAULT).verify(topic, group);
        }

        // the re-delivery predicted at the kill: the survivor starts at the committed offset and goes on without a gap,
        // so it processes the victim's reported but uncommitted records (committed..lastProcessed) again
        assertThat(kill.redelivered()).isPositive();
        List<long[]> takenOver = batchesAfter(survivorLines, survivorLinesAtKill, kill.partition());
        assertThat(takenOver).as("survivor's batches of p%d after the kill", kill.partition()).isNotEmpty();
        assertThat(takenOver.get(0)[0]).as("survivor's first offset of p%d", kill.partition()).isEqualTo(kill.committed());
        long next = kill.committed();
        for (long[] batch : takenOver) {
            assertThat(batch[0]).as("survivor's batches follow on").isEqualTo(next);
            next = batch[1] + 1;
        }
        assertThat(next).as("survivor got past the victim's last processed offset").isGreaterThan(kill.lastProcessed());

        assertThat(report.lost()).as("lost offsets in %s", report).isZero();
        PartitionReport crashed = report.partitions().get(kill.partition());
        // the audit knows of the victim's uncommitted work only as far as its entries left the process before the kill
        assertThat(crashed.duplicateRanges()).allSatisfy(d -> {
            assertThat(d.offsets().first()).isGreaterThanOrEqualTo(kill.committed());
            assertThat(d.offsets().last()).isLessThanOrEqualTo(kill.lastProcessed());
            assertThat(d.firstBy()).isEqualTo("victim");
            assertThat(d.againBy()).isEqualTo("survivor");
        });
        assertThat(crashed.duplicates()).isLessThanOrEqualTo(kill.redelivered());
        assertThat(report.duplicates()).as("duplicates outside the crashed partition").isEqualTo(crashed.duplicates());
        List<Handover> handovers = report.rebalances().stream().flatMap(r -> r.moves().stream())
                .filter(h -> h.partition() == kill.partition() && "victim".equals(h.from()) && "survivor".equals(h.to())).toList();
        assertThat(handovers).singleElement().satisfies(h ->
                // not before the session timeout (2 s) noticed the crash
                assertThat(h.pauseMs()).isNotNull().isGreaterThanOrEqualTo(1_500L));
        assertThat(report.processed()).as("distinct offsets processed: every record produced")
                .isEqualTo(report.partitions().stream().mapToLong(PartitionReport::end).sum());
    }

    /**
     * Freezes the victim and compares what it reported processing with the broker's committed offset: the kill point
     * when it reported records past that offset (they will be processed again), else it is let go on and null returned.
     */
    private static KillPoint frozenWithUncommittedWork(MemberProcess victim, BrokerOffsets offsets, String topic, String group)
            throws Exception {
        victim.freeze();
        // a frozen process writes nothing more: wait until what it wrote has been read
        int[] seen = {-1};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            int now = victim.lines().size();
            boolean still = now == seen[0];
            seen[0] = now;
            return still;
        });
        List<String> lines = victim.lines();
        int partition = lines.stream().filter(l -> event(l).path("name").asText().startsWith("partitions_"))
                .reduce((a, b) -> b).map(l -> event(l).path("owned")).filter(o -> o.size() == 1)
                .map(o -> o.get(0).path("partition").asInt()).orElse(-1);
        if (partition >= 0) {
            long committed = offsets.read(topic, group).get(partition).committed();
            long lastProcessed = batchesAfter(lines, 0, partition).stream().mapToLong(b -> b[1]).max().orElse(-1);
            if (lastProcessed >= committed) {
                return new KillPoint(partition, committed, lastProcessed);
            }
        }
        victim.resume();
        return null;
    }

    /** {first, last} offset of each {@code records_consumed} batch of {@code partition} from line {@code from} on. */
    private static List<long[]> batchesAfter(List<String> lines, int from, int partition) {
        List<long[]> batches = new ArrayList<>();
        for (String line : lines.subList(from, lines.size())) {
            JsonNode event = event(line);
            if (!event.path("name").asText().equals("records_consumed")) {
                continue;
            }
            for (JsonNode p : event.path("partitions")) {
                if (p.path("partition").asInt() == partition) {
                    batches.add(new long[] {p.path("minOffset").asLong(), p.path("maxOffset").asLong()});
                }
            }
        }
        return batches;
    }

    /** The worker's own CLI, audit on by default, JSON events on stdout; SIGTERM stops it cleanly. */
    private static MemberProcess consumer(String bootstrap, String topic, String group, String id) throws Exception {
        return new MemberProcess(WorkerMain.class, id, "consume", "--bootstrap-servers", bootstrap, "--topic", topic,
                "--group", group, "--id", id, "--processing-delay-ms", "5", "--events", "json", "--http-port", "0",
                "--property", "session.timeout.ms=2000", "--property", "heartbeat.interval.ms=500");
    }

    private static boolean committed(String line) {
        JsonNode event = event(line);
        return event.path("name").asText().equals("offsets_committed") && event.path("success").asBoolean();
    }

    private static Predicate<String> owns(int partitions) {
        return line -> {
            JsonNode event = event(line);
            return event.path("name").asText().startsWith("partitions_") && event.path("owned").size() == partitions;
        };
    }

    private static JsonNode event(String line) {
        try {
            return line.startsWith("{") ? JSON.readTree(line) : JSON.createObjectNode();
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}

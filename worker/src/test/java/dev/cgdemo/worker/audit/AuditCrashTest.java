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
import dev.cgdemo.worker.verify.VerifierSettings;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.BrokerConfig;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consumer process killed with SIGKILL while it is processing a batch: what it processed but had not committed
 * (and whose audit entry may never have left the process) is processed again by the survivor, and the verifier
 * reports nothing lost.
 */
@ExtendWith(KafkaClusterExtension.class)
class AuditCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BrokerCluster(numBrokers = 1)
    @KRaftCluster
    @BrokerConfig(name = "group.min.session.timeout.ms", value = "1000")
    static KafkaCluster cluster;

    @Test
    void aConsumerProcessKilledMidBatchLosesNothing() throws Exception {
        String topic = "crash";
        String group = "crash-group";
        try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        String bootstrap = cluster.getBootstrapServers();
        BrokerOffsets offsets = new BrokerOffsets(bootstrap, Map.of());
        DeliveryReport report;
        int crashedPartition;
        // 20 ms per record and 40 records/s per member: a member is busy most of the time, in batches of up to a
        // second, so a kill 300 ms after a commit lands inside a batch.
        try (EventProducer producer = new EventProducer(ProducerSettings.of(bootstrap, topic, "crash-producer").withRate(80),
                     new ProduceListener() { });
             MemberProcess survivor = consumer(bootstrap, topic, group, "survivor");
             MemberProcess victim = consumer(bootstrap, topic, group, "victim")) {
            victim.awaitLine(owns(1), WAIT);
            survivor.awaitLine(owns(1), WAIT);
            producer.start();
            victim.awaitLines(AuditCrashTest::committed, 3, WAIT);
            long commitsSoFar = victim.count(AuditCrashTest::committed);
            victim.awaitLines(AuditCrashTest::committed, commitsSoFar + 1, WAIT);
            LockSupport.parkNanos(Duration.ofMillis(300).toNanos());   // into the next batch
            // the joins moved partitions too (the first member to join owns both for a moment): remember which one the
            // victim holds when it dies, that is the handover the crash causes
            int victimPartition = event(victim.lastMatching(line -> event(line).path("name").asText().startsWith("partitions_"))
                    .orElseThrow()).path("owned").get(0).path("partition").asInt();
            victim.kill();
            producer.close();   // the survivor alone could not keep up with the producer
            List<PartitionOffsets> atKill = offsets.read(topic, group);

            survivor.awaitLines(owns(2), survivor.count(owns(2)) + 1, WAIT);
            // the survivor carries on past everything that had been produced when the victim died
            await().atMost(WAIT).until(() -> offsets.read(topic, group).stream()
                    .allMatch(now -> now.committed() >= atKill.get(now.partition()).end()));
            assertThat(survivor.stop(WAIT)).as("survivor exit code after SIGTERM").isZero();
            report = new GroupVerification(bootstrap, Map.of(), VerifierSettings.DEFAULT).verify(topic, group);
            crashedPartition = victimPartition;
        }

        assertThat(report.lost()).as("lost offsets in %s", report).isZero();
        List<Handover> takenOver = report.rebalances().stream().flatMap(r -> r.moves().stream())
                .filter(h -> h.partition() == crashedPartition && "victim".equals(h.from()) && "survivor".equals(h.to())).toList();
        assertThat(takenOver).singleElement().satisfies(h ->
                // not before the session timeout (2 s) noticed the crash
                assertThat(h.pauseMs()).isNotNull().isGreaterThanOrEqualTo(1_500L));
        assertThat(report.processed()).isGreaterThanOrEqualTo(report.partitions().stream().mapToLong(dev.cgdemo.worker.history.PartitionReport::committed).sum());
    }

    /** The worker's own CLI, audit on by default, JSON events on stdout; SIGTERM stops it cleanly. */
    private static MemberProcess consumer(String bootstrap, String topic, String group, String id) throws Exception {
        return new MemberProcess(WorkerMain.class, id, "consume", "--bootstrap-servers", bootstrap, "--topic", topic,
                "--group", group, "--id", id, "--processing-delay-ms", "20", "--events", "json", "--http-port", "0",
                "--property", "session.timeout.ms=2000", "--property", "heartbeat.interval.ms=500");
    }

    private static boolean committed(String line) {
        JsonNode event = event(line);
        return event.path("name").asText().equals("offsets_committed") && event.path("success").asBoolean();
    }

    private static java.util.function.Predicate<String> owns(int partitions) {
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

package dev.cgdemo.worker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.worker.WorkerMain;
import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.MemberListener;
import dev.cgdemo.worker.consume.PartitionBatch;
import dev.cgdemo.worker.consume.ProcessedBatch;
import dev.cgdemo.worker.http.MemberMetrics;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducerSettings;
import dev.cgdemo.worker.verify.DeliveryReport;
import dev.cgdemo.worker.history.PartitionOffsets;
import dev.cgdemo.worker.history.PartitionReport;
import dev.cgdemo.worker.verify.VerifierSettings;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.BrokerConfig;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The audit fails closed: while the audit topic refuses writes (its max.message.bytes below any batch),
 * records keep flowing but no offset is committed, the member keeps its partitions, and once the topic takes writes
 * again the held-back entries are stored before the next commit, so the verifier finds nothing lost.
 */
@ExtendWith(KafkaClusterExtension.class)
class AuditOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A flush may then hold the member for 2 s (AuditTimeouts). */
    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(20);

    @BrokerCluster(numBrokers = 1)
    @KRaftCluster
    @BrokerConfig(name = "auto.create.topics.enable", value = "false")
    static KafkaCluster cluster;

    @Test
    void whileTheAuditTopicRefusesWritesNothingIsCommittedAndAfterwardsNothingReadsAsLost() throws Exception {
        String topic = "audit-outage";
        String group = "audit-outage-group";
        String bootstrap = cluster.getBootstrapServers();
        Map<String, String> properties = Map.of("max.poll.interval.ms", Long.toString(MAX_POLL_INTERVAL.toMillis()));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Progress progress = new Progress();
        BrokerOffsets offsets = new BrokerOffsets(bootstrap, Map.of());
        List<String> takeawaysBeforeStop;
        try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration());
             AuditPublisher audit = new AuditPublisher(bootstrap, topic, group, properties);
             EventProducer producer = new EventProducer(ProducerSettings.of(bootstrap, topic, "outage-producer").withRate(200),
                     new ProduceListener() { })) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            assertThat(audit.timeouts().flush()).isEqualTo(Duration.ofSeconds(2));
            audit.bindTo(registry);
            GroupMember member = new GroupMember(ConsumerSettings.of(bootstrap, topic, group, "steady")
                    .withKafkaProperties(properties), MemberListener.all(audit, progress, new MemberMetrics(registry)), registry);
            audit.attach(member);
            member.start();
            producer.start();
            await().atMost(WAIT).until(() -> member.assignment().size() == 2);
            await().atMost(WAIT).until(() -> committedSum(offsets, topic, group) > 100);

            refuseWrites(admin, AuditTopic.of(topic), true);
            await().atMost(WAIT).until(() -> audit.heldBackCommits() >= 2);
            Map<Integer, Long> heldAt = committed(offsets, topic, group);
            long heldBackThen = audit.heldBackCommits();
            await().atMost(WAIT).until(() -> audit.heldBackCommits() >= heldBackThen + 2);
            assertThat(committed(offsets, topic, group)).as("committed during the outage").isEqualTo(heldAt);
            assertThat(heldAt).as("records processed beyond the committed offsets during the outage")
                    .anySatisfy((partition, committed) -> assertThat(progress.next(partition)).isGreaterThan(committed));
            // While an outage lasts, the unstored entries are taken out and sent again before each commit: between
            // their send and its refusal the count reads 0, so it is waited for.
            await().atMost(WAIT).until(() -> audit.unstored() > 0);

            refuseWrites(admin, AuditTopic.of(topic), false);
            await().atMost(WAIT).until(() -> committed(offsets, topic, group).entrySet().stream()
                    .allMatch(e -> e.getValue() > heldAt.get(e.getKey())));
            producer.close();
            await().atMost(WAIT).until(() -> offsets.read(topic, group).stream().allMatch(p -> p.committed() == p.end()));
            takeawaysBeforeStop = List.copyOf(progress.takeaways);
            member.close();

            assertThat(audit.unstored()).isZero();
            assertThat(audit.outages()).isEqualTo(1);
            // bounded by the flush timeout (2 s) plus one send waiting for metadata, far below max.poll.interval.ms
            assertThat(audit.longestFlush()).isLessThan(Duration.ofSeconds(5));
            assertThat(registry.scrape())
                    .contains("cgdemo_audit_outages_total{topic=\"" + AuditTopic.of(topic) + "\"} 1.0")
                    .contains("cgdemo_audit_commits_held_back_total{topic=\"" + AuditTopic.of(topic) + "\"} "
                            + (double) audit.heldBackCommits());
        }

        assertThat(takeawaysBeforeStop).as("partitions revoked or lost while running").isEmpty();
        DeliveryReport report = new GroupVerification(bootstrap, Map.of(), VerifierSettings.DEFAULT).verify(topic, group);
        assertThat(report.lost()).as("%s", report).isZero();
        assertThat(report.duplicates()).as("%s", report).isZero();
        long end = report.partitions().stream().mapToLong(PartitionReport::end).sum();
        assertThat(report.processed()).isEqualTo(end);
        assertThat(report.partitions().stream().mapToLong(PartitionReport::committed).sum()).isEqualTo(end);

        StringWriter out = new StringWriter();
        CommandLine cli = WorkerMain.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("verify", "--bootstrap-servers", bootstrap, "--topic", topic, "--group", group))
                .as(out.toString()).isZero();
        assertThat(out.toString()).contains("lost 0");
    }

    /**
     * The audit topic deleted while records flow: every send then waits for its metadata (max.block.ms), the worst
     * case for the poll loop. Commits are held back, the member keeps its partitions, and once the topic is back
     * commits resume. (What the deletion took with it is gone: verify cannot be asked for lost 0 here.)
     */
    @Test
    void aDeletedAuditTopicHoldsCommitsBackWithoutCostingTheMemberItsPartitions() throws Exception {
        String topic = "audit-deleted";
        String group = "audit-deleted-group";
        String bootstrap = cluster.getBootstrapServers();
        Map<String, String> properties = Map.of("max.poll.interval.ms", Long.toString(MAX_POLL_INTERVAL.toMillis()));
        Progress progress = new Progress();
        BrokerOffsets offsets = new BrokerOffsets(bootstrap, Map.of());
        try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration());
             AuditPublisher audit = new AuditPublisher(bootstrap, topic, group, properties);
             EventProducer producer = new EventProducer(ProducerSettings.of(bootstrap, topic, "deleted-producer").withRate(200),
                     new ProduceListener() { })) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            GroupMember member = new GroupMember(ConsumerSettings.of(bootstrap, topic, group, "steady")
                    .withKafkaProperties(properties), MemberListener.all(audit, progress));
            audit.attach(member);
            member.start();
            producer.start();
            await().atMost(WAIT).until(() -> member.assignment().size() == 2);
            await().atMost(WAIT).until(() -> committedSum(offsets, topic, group) > 100);

            admin.deleteTopics(List.of(AuditTopic.of(topic))).all().get();
            await().atMost(WAIT).until(() -> audit.heldBackCommits() >= 2);
            Map<Integer, Long> heldAt = committed(offsets, topic, group);
            long heldBackThen = audit.heldBackCommits();
            await().atMost(WAIT).until(() -> audit.heldBackCommits() >= heldBackThen + 3);
            assertThat(committed(offsets, topic, group)).as("committed while the audit topic is gone").isEqualTo(heldAt);
            assertThat(heldAt).as("records processed beyond the committed offsets meanwhile")
                    .anySatisfy((partition, committed) -> assertThat(progress.next(partition)).isGreaterThan(committed));

            AuditTopic.ensure(bootstrap, topic, Map.of());
            await().atMost(WAIT).until(() -> committed(offsets, topic, group).entrySet().stream()
                    .allMatch(e -> e.getValue() > heldAt.get(e.getKey())));
            assertThat(progress.takeaways).as("partitions revoked or lost while running").isEmpty();
            producer.close();
            member.close();

            assertThat(audit.unstored()).isZero();
            assertThat(audit.outages()).isEqualTo(1);
            // one send waiting for metadata (1 s) plus the flush (at most 2 s), far below max.poll.interval.ms
            assertThat(audit.longestFlush()).isLessThan(Duration.ofSeconds(5));
        }
    }

    /**
     * {@code max.message.bytes} 1 on the audit topic: the broker refuses every batch (RECORD_TOO_LARGE) and keeps what
     * it stored before. (min.insync.replicas above the replication factor refuses nothing on Kafka 4: the broker caps
     * the effective minimum at the replication factor.)
     */
    private static void refuseWrites(Admin admin, String topic, boolean refuse) throws Exception {
        ConfigEntry entry = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1");
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                List.of(new AlterConfigOp(entry, refuse ? AlterConfigOp.OpType.SET : AlterConfigOp.OpType.DELETE))))
                .all().get();
    }

    private static Map<Integer, Long> committed(BrokerOffsets offsets, String topic, String group) {
        return offsets.read(topic, group).stream()
                .collect(Collectors.toMap(PartitionOffsets::partition, PartitionOffsets::committed));
    }

    private static long committedSum(BrokerOffsets offsets, String topic, String group) {
        return committed(offsets, topic, group).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The next offset to process per partition, and every revocation or loss. */
    private static final class Progress implements MemberListener {
        private final Map<Integer, Long> next = new ConcurrentHashMap<>();
        final List<String> takeaways = new CopyOnWriteArrayList<>();

        long next(int partition) {
            return next.getOrDefault(partition, 0L);
        }

        @Override
        public void onProcessed(String consumerId, ProcessedBatch batch) {
            for (PartitionBatch partition : batch.partitions()) {
                next.merge(partition.partition(), partition.maxOffset() + 1, Math::max);
            }
        }

        @Override
        public void onRevoked(String consumerId, Collection<TopicPartition> revoked, Set<TopicPartition> owned) {
            takeaways.add("revoked " + revoked);
        }

        @Override
        public void onLost(String consumerId, Collection<TopicPartition> lost, Set<TopicPartition> owned) {
            takeaways.add("lost " + lost);
        }
    }
}

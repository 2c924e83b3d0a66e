package dev.cgdemo.worker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.worker.WorkerMain;
import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.MemberListener;
import dev.cgdemo.worker.consume.PartitionBatch;
import dev.cgdemo.worker.consume.ProcessedBatch;
import dev.cgdemo.worker.consume.ProcessedRecord;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducerSettings;
import dev.cgdemo.worker.verify.DeliveryReport;
import dev.cgdemo.worker.history.DuplicateRange;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.OffsetRange;
import dev.cgdemo.worker.history.PartitionReport;
import dev.cgdemo.worker.history.Rebalance;
import dev.cgdemo.worker.verify.VerifierSettings;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import org.apache.kafka.common.TopicPartition;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** The audit and the verifier on a real broker: planted losses and duplicates are found, a clean stop has none. */
@ExtendWith(KafkaClusterExtension.class)
class AuditVerificationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @BrokerCluster(numBrokers = 1)
    @KRaftCluster
    static KafkaCluster cluster;

    @Test
    void findsRecordsSkippedBySeekingPastThem() throws Exception {
        String topic = "planted-loss";
        produce(topic, 100);
        try (AuditPublisher audit = new AuditPublisher(cluster.getBootstrapServers(), topic, "careless", Map.of());
             ManualMember member = new ManualMember(topic, "careless", "careless-1", audit)) {
            member.processUntil(39);          // batches of 10: 0..39
            member.seek(50);                  // 40..49 are never processed, yet the commit moves past them
            member.processUntil(99);
        }

        DeliveryReport report = verify(topic, "careless");

        assertThat(report.partitions()).singleElement().satisfies(p -> {
            assertThat(p.committed()).isEqualTo(100);
            assertThat(p.lostRanges()).containsExactly(new OffsetRange(40, 49));
            assertThat(p.processed()).isEqualTo(90);
        });
        assertThat(report.lost()).isEqualTo(10);
        assertThat(report.duplicates()).isZero();

        StringWriter out = new StringWriter();
        int exit = verifyCommand(out, "--topic", topic, "--group", "careless");
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("lost 10").contains("LOST p0 offsets 40..49 (10)");
    }

    @Test
    void aBatchsEntriesAreStoredWhenBeforeCommitReturns() throws Exception {
        String topic = "flush-before-commit";
        createTopic(topic, 1);
        try (AuditPublisher audit = new AuditPublisher(cluster.getBootstrapServers(), topic, "flusher", Map.of())) {
            audit.onStarted("flusher-1"); // creates the audit topic
            Instant now = Instant.now();
            for (int poll = 0; poll < 3; poll++) {
                audit.onProcessed("flusher-1", new ProcessedBatch(List.of(),
                        List.of(new PartitionBatch(topic, 0, 10L * poll, 10L * poll + 9, 10)), 1, now, now));
            }

            boolean mayCommit = audit.beforeCommit("flusher-1", Map.of(new TopicPartition(topic, 0), 30L));

            // no waiting: the producer lingers 20 ms, so without the flush nothing would be acknowledged yet
            assertThat(audit.published()).isEqualTo(3);
            assertThat(mayCommit).isTrue();
        }
    }

    @Test
    void findsOffsetsProcessedTwice() throws Exception {
        String topic = "planted-duplicates";
        produce(topic, 100);
        try (AuditPublisher audit = new AuditPublisher(cluster.getBootstrapServers(), topic, "repeater", Map.of());
             ManualMember member = new ManualMember(topic, "repeater", "repeater-1", audit)) {
            member.processUntil(59);
            member.seek(30);                  // 30..59 again
            member.processUntil(99);
        }

        DeliveryReport report = verify(topic, "repeater");

        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isEqualTo(30);
        assertThat(report.partitions().get(0).duplicateRanges())
                .containsExactly(new DuplicateRange(new OffsetRange(30, 59), "repeater-1", "repeater-1", null));
    }

    @Test
    void aCleanStopHandsOverWithoutLossOrDuplicates() throws Exception {
        String topic = "clean-stop";
        createTopic(topic, 3);
        String group = "clean-stop-group";
        ConsumerSettings base = ConsumerSettings.of(cluster.getBootstrapServers(), topic, group, "member-1")
                .withKafkaProperties(Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "10000"));
        List<GroupMember> members = new ArrayList<>();
        Instant stoppedAt;
        Instant shutdownAt;
        AssignmentClock lastChange = new AssignmentClock();
        int leavingPartition;
        try (AuditPublisher audit = new AuditPublisher(cluster.getBootstrapServers(), topic, group, Map.of());
             EventProducer producer = new EventProducer(
                     ProducerSettings.of(cluster.getBootstrapServers(), topic, "clean-producer").withRate(200), new ProduceListener() { })) {
            producer.start();
            for (int i = 1; i <= 3; i++) {
                GroupMember member = new GroupMember(base.withConsumerId("member-" + i), MemberListener.all(audit, lastChange));
                audit.attach(member);
                members.add(member);
                member.start();
            }
            await().atMost(WAIT).until(() -> members.stream().allMatch(m -> m.assignment().size() == 1));
            // The verifier folds assignment changes closer than its rebalance gap into one rebalance: let the
            // joins settle for longer than that, so the leave below is a rebalance of its own.
            await().atMost(WAIT).until(() -> lastChange.quietFor(VerifierSettings.DEFAULT.rebalanceGap().plusMillis(500)));
            long before = audit.published();
            await().atMost(WAIT).until(() -> audit.published() > before + 10);

            int leaving = members.get(1).assignment().iterator().next().partition();
            stoppedAt = Instant.now();
            members.get(1).close();
            await().atMost(WAIT).until(() -> members.get(0).assignment().size() + members.get(2).assignment().size() == 3);
            leavingPartition = leaving;
            long after = audit.published();
            await().atMost(WAIT).until(() -> audit.published() > after + 10);
            // and the final shutdown (every partition revoked at once) must not fold into the leave either
            await().atMost(WAIT).until(() -> lastChange.quietFor(VerifierSettings.DEFAULT.rebalanceGap().plusMillis(500)));

            producer.close();
            shutdownAt = Instant.now();
            members.get(0).close();
            members.get(2).close();
        }

        DeliveryReport report = verify(topic, group);

        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isZero();
        assertThat(report.processed()).isEqualTo(report.partitions().stream().mapToLong(PartitionReport::committed).sum());   // a clean stop commits all it processed
        // Members joining one by one move partitions too; only the handovers after the stop are the leave's.
        List<Handover> leave = report.rebalances().stream()
                .filter(r -> !r.end().isBefore(stoppedAt))
                .flatMap(r -> r.moves().stream())
                .filter(h -> "member-2".equals(h.from()))
                .toList();
        assertThat(leave).singleElement().satisfies(h -> {
            assertThat(h.partition()).isEqualTo(leavingPartition);
            assertThat(h.to()).isIn("member-1", "member-3");
            assertThat(h.pauseMs()).isNotNull().isBetween(0L, 30_000L);
        });
        assertThat(report.rebalances())   // cooperative-sticky is the worker's default; the final shutdown revokes all
                .filteredOn(r -> r.start().isBefore(shutdownAt))
                .isNotEmpty()
                .noneMatch(Rebalance::eager);

        StringWriter out = new StringWriter();
        assertThat(verifyCommand(out, "--topic", topic, "--group", group, "--format", "json")).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString()).path("lost").asLong(-1)).isZero();
    }

    private static int verifyCommand(StringWriter out, String... args) {
        CommandLine cli = WorkerMain.commandLine();
        cli.setOut(new PrintWriter(out));
        List<String> all = new ArrayList<>(List.of("verify", "--bootstrap-servers", cluster.getBootstrapServers()));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    private static DeliveryReport verify(String topic, String group) {
        return new GroupVerification(cluster.getBootstrapServers(), Map.of(), VerifierSettings.DEFAULT).verify(topic, group);
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    private static void produce(String topic, int count) throws Exception {
        createTopic(topic, 1);
        Map<String, Object> config = new HashMap<>(cluster.getKafkaClientConfiguration());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "user-" + i, "record-" + i));
            }
            producer.flush();
        }
    }

    /**
     * A consumer that does what the worker never does (seeking), on partition 0 of a one-partition topic, and tells
     * the audit what it processed, then commits, like {@link GroupMember}.
     */
    private static final class ManualMember implements AutoCloseable {
        private final TopicPartition partition;
        private final String consumerId;
        private final MemberListener listener;
        private final KafkaConsumer<String, String> consumer;

        ManualMember(String topic, String group, String consumerId, MemberListener listener) {
            this.partition = new TopicPartition(topic, 0);
            this.consumerId = consumerId;
            this.listener = listener;
            Map<String, Object> config = new HashMap<>(cluster.getKafkaClientConfiguration());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10");
            this.consumer = new KafkaConsumer<>(config);
            consumer.assign(List.of(partition));
            consumer.seek(partition, 0);
            listener.onAssigned(consumerId, List.of(partition), java.util.Set.of(partition));
        }

        void seek(long offset) {
            consumer.seek(partition, offset);
        }

        void processUntil(long lastOffset) {
            Instant deadline = Instant.now().plus(WAIT);
            while (consumer.position(partition) <= lastOffset && Instant.now().isBefore(deadline)) {
                Instant startedAt = Instant.now();
                List<ProcessedRecord> done = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    done.add(new ProcessedRecord(record.topic(), record.partition(), record.offset(), record.key(),
                            Optional.empty(), record.timestamp()));
                }
                if (done.isEmpty()) {
                    continue;
                }
                long first = done.get(0).offset();
                long last = done.get(done.size() - 1).offset();
                listener.onProcessed(consumerId, new ProcessedBatch(done,
                        List.of(new PartitionBatch(partition.topic(), 0, first, last, done.size())), 1, startedAt, Instant.now()));
                assertThat(listener.beforeCommit(consumerId, Map.of(partition, last + 1))).as("audit stored").isTrue();
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(last + 1)));
            }
            assertThat(consumer.position(partition)).isGreaterThan(lastOffset);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** When any member's assignment last changed. */
    private static final class AssignmentClock implements MemberListener {
        private volatile long lastChangeNanos = System.nanoTime();

        @Override
        public void onAssigned(String consumerId, Collection<TopicPartition> added,
                               Set<TopicPartition> owned) {
            lastChangeNanos = System.nanoTime();
        }

        @Override
        public void onRevoked(String consumerId, Collection<TopicPartition> revoked,
                              Set<TopicPartition> owned) {
            lastChangeNanos = System.nanoTime();
        }

        boolean quietFor(Duration quiet) {
            return System.nanoTime() - lastChangeNanos > quiet.toNanos();
        }
    }
}

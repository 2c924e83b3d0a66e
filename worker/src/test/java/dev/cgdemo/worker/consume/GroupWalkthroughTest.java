package dev.cgdemo.worker.consume;

import dev.cgdemo.worker.http.MemberMetrics;
import dev.cgdemo.worker.http.WorkerHttpServer;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProducerSettings;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.BrokerConfig;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The article's walkthrough against a real broker: three members share three partitions, two stop
 * cleanly one after the other, the survivor ends up with everything, and every produced record is
 * processed exactly once.
 */
@ExtendWith(KafkaClusterExtension.class)
class GroupWalkthroughTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Fast classic rebalances (STACK.md); the consumer protocol gets its timing from the broker settings below. */
    private static final Map<String, String> FAST_CLASSIC = Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "10000");

    @BrokerCluster(numBrokers = 1)
    @KRaftCluster
    @BrokerConfig(name = "group.consumer.heartbeat.interval.ms", value = "500")
    @BrokerConfig(name = "group.consumer.min.heartbeat.interval.ms", value = "500")
    static KafkaCluster cluster;

    @Test
    void classicProtocolHandsPartitionsToTheSurvivorsWithoutLossOrDuplicates() throws Exception {
        walkthrough("walk-classic", ConsumerSettings.of(cluster.getBootstrapServers(), "walk-classic", "walk-classic-group", "consumer-1")
                .withKafkaProperties(FAST_CLASSIC));
    }

    @Test
    void eagerRangeAssignorCommitsEverythingOnEachRevokeAndStillLosesNothing() throws Exception {
        walkthrough("walk-range", ConsumerSettings.of(cluster.getBootstrapServers(), "walk-range", "walk-range-group", "consumer-1")
                .withAssignor("range").withKafkaProperties(FAST_CLASSIC));
    }

    @Test
    void consumerProtocolHandsPartitionsToTheSurvivorsWithoutLossOrDuplicates() throws Exception {
        walkthrough("walk-kip848", ConsumerSettings.of(cluster.getBootstrapServers(), "walk-kip848", "walk-kip848-group", "consumer-1")
                .withProtocol(GroupProtocolChoice.CONSUMER));
    }

    @ParameterizedTest
    @EnumSource(GroupProtocolChoice.class)
    void staticMemberRestartedWithinItsSessionGetsItsPartitionBackAndNobodyElseIsRevoked(GroupProtocolChoice protocol) throws Exception {
        String topic = "walk-static-" + protocol;
        createTopic(topic, 3);
        RecordingListener recorder = new RecordingListener();
        ProducedLog produced = new ProducedLog();
        ConsumerSettings base = ConsumerSettings.of(cluster.getBootstrapServers(), topic, topic + "-group", "static-1")
                .withProtocol(protocol)
                .withStaticMembership(true)
                .withKafkaProperties(Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "30000"));
        List<GroupMember> members = new ArrayList<>();
        try (EventProducer producer = new EventProducer(ProducerSettings.of(cluster.getBootstrapServers(), topic, "static-producer").withRate(50), produced)) {
            producer.start();
            for (int i = 1; i <= 3; i++) {
                GroupMember member = new GroupMember(base.withConsumerId("static-" + i), recorder);
                members.add(member);
                member.start();
            }
            awaitOnePartitionEach(members);
            Set<TopicPartition> secondsPartition = members.get(1).assignment();
            int stableFrom = recorder.changes.size();

            members.get(1).close();
            GroupMember restarted = new GroupMember(base.withConsumerId("static-2"), recorder);
            members.set(1, restarted);
            restarted.start();

            await().atMost(WAIT).until(() -> restarted.assignment().equals(secondsPartition));
            assertThat(recorder.takeawaysSince("static-1", stableFrom)).as("static-1 revoked/lost").isEmpty();
            assertThat(recorder.takeawaysSince("static-3", stableFrom)).as("static-3 revoked/lost").isEmpty();
            assertThat(members.get(0).assignment()).hasSize(1);
            assertThat(members.get(2).assignment()).hasSize(1);

            awaitEverythingProducedIsProcessed(produced, recorder);
        } finally {
            members.forEach(GroupMember::close);
        }
        assertThat(duplicates(recorder.processedIds())).as("records processed twice").isEmpty();
    }

    @Test
    void aMemberWaitsForAMissingTopicAndStartsOnceItExists() throws Exception {
        String topic = "walk-late-topic";
        RecordingListener recorder = new RecordingListener();
        ConsumerSettings settings = ConsumerSettings.of(cluster.getBootstrapServers(), topic, "walk-late-group", "late-1")
                .withKafkaProperties(FAST_CLASSIC);
        try (GroupMember member = new GroupMember(settings, recorder)) {
            member.start();
            await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> member.isRunning() && !member.hasJoined());
            createTopic(topic, 2);
            await().atMost(WAIT).until(() -> member.assignment().size() == 2);
        }
        assertThat(recorder.shutdowns).containsExactly("late-1");
    }

    @Test
    void aMemberWithoutPartitionsStillCountsAsJoined() throws Exception {
        String topic = "walk-idle";
        createTopic(topic, 1);
        for (GroupProtocolChoice protocol : GroupProtocolChoice.values()) {
            ConsumerSettings settings = ConsumerSettings.of(cluster.getBootstrapServers(), topic, "walk-idle-" + protocol, "idle-1")
                    .withProtocol(protocol)
                    .withKafkaProperties(FAST_CLASSIC);
            try (GroupMember first = new GroupMember(settings, new RecordingListener());
                 GroupMember second = new GroupMember(settings.withConsumerId("idle-2"), new RecordingListener())) {
                first.start();
                await().atMost(WAIT).until(() -> first.assignment().size() == 1);
                second.start();
                await(protocol + " idle member joined").atMost(WAIT).until(second::hasJoined);
                assertThat(second.assignment()).isEmpty();
            }
        }
    }

    @Test
    void httpEndpointsReportReadinessOnceJoinedAndPrometheusMetrics() throws Exception {
        String topic = "walk-http";
        createTopic(topic, 3);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ConsumerSettings settings = ConsumerSettings.of(cluster.getBootstrapServers(), topic, "walk-http-group", "http-1")
                .withKafkaProperties(FAST_CLASSIC);
        HttpClient http = HttpClient.newHttpClient();
        try (GroupMember member = new GroupMember(settings, new MemberMetrics(registry), registry);
             WorkerHttpServer server = WorkerHttpServer.start(0, registry, member::hasJoined);
             EventProducer producer = new EventProducer(ProducerSettings.of(cluster.getBootstrapServers(), topic, "http-producer")
                     .withRate(100).withCount(50), new ProducedLog())) {
            URI base = URI.create("http://localhost:" + server.port());
            assertThat(get(http, base.resolve("/healthz")).statusCode()).isEqualTo(200);
            assertThat(get(http, base.resolve("/readyz")).statusCode()).as("not joined yet").isEqualTo(503);

            member.start();
            producer.start();
            await().atMost(WAIT).until(() -> get(http, base.resolve("/readyz")).statusCode() == 200);
            await().atMost(WAIT).untilAsserted(() -> assertThat(get(http, base.resolve("/metrics")).body())
                    .contains("cgdemo_records_processed_total{consumer=\"http-1\"} 50.0")
                    .contains("cgdemo_partitions_owned{consumer=\"http-1\"} 3.0")
                    .contains("cgdemo_rebalances_total{consumer=\"http-1\"}")
                    .contains("kafka_consumer_fetch_manager_records_consumed_total"));
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void walkthrough(String topic, ConsumerSettings base) throws Exception {
        createTopic(topic, 3);
        RecordingListener recorder = new RecordingListener();
        ProducedLog produced = new ProducedLog();
        List<GroupMember> members = new ArrayList<>();
        try (EventProducer producer = new EventProducer(ProducerSettings.of(cluster.getBootstrapServers(), topic, topic + "-producer").withRate(50), produced)) {
            producer.start();
            for (int i = 1; i <= 3; i++) {
                GroupMember member = new GroupMember(base.withConsumerId("consumer-" + i), recorder);
                members.add(member);
                member.start();
            }
            awaitOnePartitionEach(members);
            awaitEverythingProducedIsProcessed(produced, recorder);

            GroupMember first = members.get(0);
            GroupMember third = members.get(2);
            members.get(1).close();
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(union(first, third)).hasSize(3);
                assertThat(first.assignment()).isNotEmpty();
                assertThat(third.assignment()).isNotEmpty();
            });
            awaitEverythingProducedIsProcessed(produced, recorder);

            third.close();
            await().atMost(WAIT).until(() -> first.assignment().size() == 3);
            awaitEverythingProducedIsProcessed(produced, recorder);

            producer.close();
            assertThat(producer.failed()).isZero();
            awaitEverythingProducedIsProcessed(produced, recorder);
        } finally {
            members.forEach(GroupMember::close);
        }
        assertThat(recorder.shutdowns).containsExactlyInAnyOrder("consumer-1", "consumer-2", "consumer-3");
        assertThat(produced.acknowledged).hasSizeGreaterThan(10);
        assertThat(duplicates(recorder.processedIds())).as("records processed twice").isEmpty();
    }

    private static void awaitOnePartitionEach(List<GroupMember> members) {
        await().atMost(WAIT).untilAsserted(() -> {
            for (GroupMember member : members) {
                assertThat(member.assignment()).as(member.consumerId()).hasSize(1);
            }
            assertThat(union(members.toArray(GroupMember[]::new))).hasSize(3);
        });
    }

    private static void awaitEverythingProducedIsProcessed(ProducedLog produced, RecordingListener recorder) {
        Set<String> expected = produced.snapshot();
        await().atMost(WAIT).untilAsserted(() -> assertThat(new HashSet<>(recorder.processedIds())).containsAll(expected));
    }

    private static Set<TopicPartition> union(GroupMember... members) {
        Set<TopicPartition> all = new HashSet<>();
        for (GroupMember member : members) {
            all.addAll(member.assignment());
        }
        return all;
    }

    static Set<String> duplicates(List<String> ids) {
        Set<String> seen = new HashSet<>();
        return ids.stream().filter(id -> !seen.add(id)).collect(Collectors.toSet());
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

}

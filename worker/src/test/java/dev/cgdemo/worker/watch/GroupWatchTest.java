package dev.cgdemo.worker.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.worker.WorkerMain;
import dev.cgdemo.worker.audit.AuditPublisher;
import dev.cgdemo.worker.audit.MemberProcess;
import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.GroupProtocolChoice;
import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.MemberView;
import dev.cgdemo.worker.history.Rebalance;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducerSettings;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.BrokerConfig;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The watch on a real broker, with real members publishing their audit: each kind of event is the number of
 * rebalances it should be, with the cause the audit can tell.
 */
@ExtendWith(KafkaClusterExtension.class)
class GroupWatchTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Map<String, String> FAST_CLASSIC = Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "10000");

    @BrokerCluster(numBrokers = 1)
    @KRaftCluster
    @BrokerConfig(name = "group.consumer.heartbeat.interval.ms", value = "500")
    @BrokerConfig(name = "group.consumer.min.heartbeat.interval.ms", value = "500")
    @BrokerConfig(name = "group.min.session.timeout.ms", value = "1000")
    static KafkaCluster cluster;

    @Test
    void aCooperativeLeaveIsExactlyOneRebalanceWithAPause() throws Exception {
        GroupHistory history = leaveIsOneRebalance("watch-coop", ConsumerSettings.of(cluster.getBootstrapServers(), "watch-coop", "watch-coop-group", "m-1")
                .withKafkaProperties(FAST_CLASSIC));
        assertThat(history.assignmentStep()).isEqualTo(Duration.ZERO);   // classic: a rebalance's rounds come at once
    }

    @Test
    void aConsumerProtocolLeaveIsExactlyOneRebalanceWithAPause() throws Exception {
        GroupHistory history = leaveIsOneRebalance("watch-kip848", ConsumerSettings.of(cluster.getBootstrapServers(), "watch-kip848", "watch-kip848-group", "m-1")
                .withProtocol(GroupProtocolChoice.CONSUMER));
        // the broker's group.consumer.heartbeat.interval.ms, read by the watch
        assertThat(history.assignmentStep()).isEqualTo(Duration.ofMillis(500));
    }

    private GroupHistory leaveIsOneRebalance(String topic, ConsumerSettings base) throws Exception {
        createTopic(topic, 3);
        List<GroupMember> members = new ArrayList<>();
        try (AuditPublisher audit = new AuditPublisher(cluster.getBootstrapServers(), topic, base.groupId(), Map.of());
             EventProducer producer = producer(topic);
             GroupWatch watch = watch(topic, base.groupId())) {
            producer.start();
            for (int i = 1; i <= 3; i++) {
                members.add(startMember(base.withConsumerId("m-" + i), audit));
            }
            GroupHistory history = watch.history();
            int settled = awaitSettledAndQuiet(history, List.of("m-1", "m-2", "m-3"));
            Set<Integer> leaving = partitions(members.get(1).assignment());

            members.get(1).close();

            await().atMost(WAIT).until(() -> history.settledWith(List.of("m-1", "m-3"))
                    && history.lastRebalance().map(Rebalance::pausesMeasured).orElse(false));
            await().during(QUIET).atMost(WAIT).until(() -> history.rebalanceCount() == settled + 1);
            Rebalance leave = history.lastRebalance().orElseThrow();
            assertThat(leave.cause()).isEqualTo("leave");
            assertThat(leave.eager()).isFalse();
            assertThat(leave.moves()).extracting(Handover::partition).containsExactlyInAnyOrderElementsOf(leaving);
            assertThat(leave.moves()).allSatisfy(move -> {
                assertThat(move.from()).isEqualTo("m-2");
                assertThat(move.to()).isIn("m-1", "m-3");
                assertThat(move.pauseMs()).isNotNull().isNotNegative();
            });
            return history;
        } finally {
            members.forEach(GroupMember::close);
        }
    }

    @Test
    void aStaticMemberRestartedWithinItsSessionTimeoutIsNoRebalance() throws Exception {
        String topic = "watch-static";
        createTopic(topic, 3);
        ConsumerSettings base = ConsumerSettings.of(cluster.getBootstrapServers(), topic, "watch-static-group", "s-1")
                .withStaticMembership(true)
                .withKafkaProperties(Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "30000"));
        List<GroupMember> members = new ArrayList<>();
        try (AuditPublisher audit = new AuditPublisher(cluster.getBootstrapServers(), topic, base.groupId(), Map.of());
             EventProducer producer = producer(topic);
             GroupWatch watch = watch(topic, base.groupId())) {
            producer.start();
            for (int i = 1; i <= 3; i++) {
                members.add(startMember(base.withConsumerId("s-" + i), audit));
            }
            GroupHistory history = watch.history();
            int settled = awaitSettledAndQuiet(history, List.of("s-1", "s-2", "s-3"));
            Set<Integer> seconds = partitions(members.get(1).assignment());

            members.get(1).close();
            await().atMost(WAIT).until(() -> !history.settled());   // its revoke was read
            GroupMember restarted = startMember(base.withConsumerId("s-2"), audit);
            members.set(1, restarted);

            await().atMost(WAIT).until(() -> history.settledWith(List.of("s-1", "s-2", "s-3")));
            await().during(QUIET).atMost(WAIT).until(() -> history.rebalanceCount() == settled);
            assertThat(history.members()).filteredOn(m -> m.member().equals("s-2"))
                    .singleElement().satisfies(m -> assertThat(Set.copyOf(m.partitions())).isEqualTo(seconds));
        } finally {
            members.forEach(GroupMember::close);
        }
    }

    @Test
    void aCrashIsOneRebalanceWhoseCauseIsTheCrash() throws Exception {
        String topic = "watch-crash";
        String group = "watch-crash-group";
        createTopic(topic, 2);
        String bootstrap = cluster.getBootstrapServers();
        try (EventProducer producer = producer(topic);
             GroupWatch watch = watch(topic, group);
             MemberProcess survivor = consumer(bootstrap, topic, group, "survivor");
             MemberProcess victim = consumer(bootstrap, topic, group, "victim")) {
            producer.start();
            GroupHistory history = watch.history();
            int settled = awaitSettledAndQuiet(history, List.of("survivor", "victim"));
            int victims = history.owners().entrySet().stream().filter(e -> e.getValue().equals("victim"))
                    .mapToInt(Map.Entry::getKey).findFirst().orElseThrow();

            victim.kill();

            await().atMost(WAIT).until(() -> history.settledWith(List.of("survivor")));
            await().during(QUIET).atMost(WAIT).until(() -> history.rebalanceCount() == settled + 1);
            Rebalance crash = history.lastRebalance().orElseThrow();
            assertThat(crash.cause()).isEqualTo("crash");
            assertThat(crash.moves()).containsExactly(new Handover(victims, "victim", "survivor",
                    crash.moves().get(0).pauseMs()));
            survivor.stop(WAIT);
        }
    }

    @Test
    void anIdleMemberThatCrashesLeavesTheMembersOnceTheGroupNoLongerHasIt() throws Exception {
        String topic = "watch-idle-crash";
        String group = "watch-idle-crash-group";
        createTopic(topic, 1);
        String bootstrap = cluster.getBootstrapServers();
        try (EventProducer producer = producer(topic);
             GroupWatch watch = watch(topic, group);
             MemberProcess first = consumer(bootstrap, topic, group, "m-1");
             MemberProcess second = consumer(bootstrap, topic, group, "m-2")) {
            producer.start();
            GroupHistory history = watch.history();
            int settled = awaitSettledAndQuiet(history, List.of("m-1", "m-2"));
            String owner = history.owners().get(0);
            MemberProcess idle = owner.equals("m-1") ? second : first;

            idle.kill();   // owning nothing, it leaves no audit entry behind

            await().atMost(WAIT).until(() -> history.settledWith(List.of(owner)));
            assertThat(history.members()).extracting(MemberView::member).containsExactly(owner);
            assertThat(history.owners()).containsExactly(Map.entry(0, owner));
            // the group's rebalance at the session's expiry is the survivor's next generation, counted once: nothing moved
            await().during(QUIET).atMost(WAIT).until(() -> history.rebalanceCount() == settled + 1);
            assertThat(history.lastRebalance().orElseThrow().moves()).isEmpty();
            (owner.equals("m-1") ? first : second).stop(WAIT);
        }
    }

    private static GroupMember startMember(ConsumerSettings settings, AuditPublisher audit) {
        GroupMember member = new GroupMember(settings, audit);
        audit.attach(member);
        member.start();
        return member;
    }

    /** Waits until the history is settled with {@code members} and no rebalance came for a while; the count then. */
    private static int awaitSettledAndQuiet(GroupHistory history, List<String> members) {
        await().atMost(WAIT).until(() -> history.settledWith(members));
        int[] seen = {history.rebalanceCount()};
        await().atMost(WAIT).until(() -> {
            int now = history.rebalanceCount();
            boolean same = now == seen[0] && history.settledWith(members)
                    && history.lastRebalance().map(r -> r.end().isBefore(history.latest().minus(QUIET))).orElse(false);
            seen[0] = now;
            return same;
        });
        return seen[0];
    }

    private static GroupWatch watch(String topic, String group) {
        return new GroupWatch(cluster.getBootstrapServers(), Map.of(), topic, group, GroupWatch.Settings.DEFAULT,
                Clock.systemUTC(), (watch, change) -> { }).start();
    }

    private static EventProducer producer(String topic) {
        return new EventProducer(ProducerSettings.of(cluster.getBootstrapServers(), topic, topic + "-producer").withRate(100),
                new ProduceListener() { });
    }

    private static MemberProcess consumer(String bootstrap, String topic, String group, String id) throws Exception {
        return new MemberProcess(WorkerMain.class, id, "consume", "--bootstrap-servers", bootstrap, "--topic", topic,
                "--group", group, "--id", id, "--events", "json", "--http-port", "0",
                "--property", "session.timeout.ms=2000", "--property", "heartbeat.interval.ms=500");
    }

    private static Set<Integer> partitions(Set<TopicPartition> assignment) {
        return assignment.stream().map(TopicPartition::partition).collect(java.util.stream.Collectors.toSet());
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }
}

package dev.cgdemo.worker.consume;

import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducerSettings;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@link MemberListener#beforeCommit} promises (the audit relies on it to store an entry before its offsets are
 * committed): every commit, background or on shutdown, is announced first with exactly the offsets it commits, and
 * only offsets of records already reported as processed.
 */
@ExtendWith(KafkaClusterExtension.class)
class CommitOrderTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @BrokerCluster(numBrokers = 1)
    @KRaftCluster
    static KafkaCluster cluster;

    sealed interface Step permits Processed, Announced, Committed {
    }

    record Processed(Map<TopicPartition, Long> next) implements Step {
    }

    record Announced(Map<TopicPartition, Long> offsets) implements Step {
    }

    record Committed(Map<TopicPartition, Long> offsets, boolean success) implements Step {
    }

    @Test
    void everyCommitIsAnnouncedWithItsOffsetsAfterTheirRecordsWereProcessed() throws Exception {
        String topic = "commit-order";
        try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        List<Step> steps = new CopyOnWriteArrayList<>();
        MemberListener recorder = new MemberListener() {
            @Override
            public void onProcessed(String consumerId, ProcessedBatch batch) {
                Map<TopicPartition, Long> next = new HashMap<>();
                batch.partitions().forEach(p -> next.put(new TopicPartition(p.topic(), p.partition()), p.maxOffset() + 1));
                steps.add(new Processed(next));
            }

            @Override
            public boolean beforeCommit(String consumerId, Map<TopicPartition, Long> offsets) {
                steps.add(new Announced(Map.copyOf(offsets)));
                return true;
            }

            @Override
            public void onCommitted(String consumerId, Map<TopicPartition, Long> offsets, boolean success, String error) {
                steps.add(new Committed(Map.copyOf(offsets), success));
            }
        };
        ConsumerSettings settings = ConsumerSettings.of(cluster.getBootstrapServers(), topic, "commit-order-group", "c-1");
        try (EventProducer producer = new EventProducer(ProducerSettings.of(cluster.getBootstrapServers(), topic, "p")
                .withRate(200), new ProduceListener() { });
             GroupMember member = new GroupMember(settings, recorder)) {
            producer.start();
            member.start();
            await().atMost(WAIT).until(() -> steps.stream().filter(s -> s instanceof Committed c && c.success()).count() >= 5);
        }

        Map<TopicPartition, Long> processed = new HashMap<>();
        Map<TopicPartition, Long> committed = new HashMap<>();
        List<Map<TopicPartition, Long>> announced = new ArrayList<>();
        int commits = 0;
        for (Step step : List.copyOf(steps)) {
            if (step instanceof Processed p) {
                processed.putAll(p.next());
            } else if (step instanceof Announced a) {
                a.offsets().forEach((tp, next) -> assertThat(next).as("announced %s", tp).isLessThanOrEqualTo(processed.get(tp)));
                announced.add(a.offsets());
            } else if (step instanceof Committed c) {
                // a background commit's callback comes a poll or more later; it was announced before it was sent
                assertThat(announced).as("announced before committing").contains(c.offsets());
                if (c.success()) {
                    commits++;
                    c.offsets().forEach((tp, next) -> committed.merge(tp, next, Math::max));
                }
            }
        }
        assertThat(committed).as("a clean stop commits everything processed").isEqualTo(processed);
        assertThat(commits).isGreaterThanOrEqualTo(5);
    }
}

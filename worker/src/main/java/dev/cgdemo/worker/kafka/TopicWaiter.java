package dev.cgdemo.worker.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Waits until the broker is reachable and the topic exists, logging one clear line per failed attempt
 * and backing off (1 s doubling to 30 s) instead of letting the Kafka clients flood the log.
 * Waiting also keeps the producer from auto-creating the topic with the broker's default partition count.
 */
public final class TopicWaiter {
    private static final Logger LOG = LoggerFactory.getLogger(TopicWaiter.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private final String who;
    private final String bootstrapServers;
    private final String topic;
    private final Map<String, String> clientProperties;

    /**
     * @param who              prefix for log lines, e.g. the consumer id
     * @param clientProperties extra client properties (security settings and the like) also given to the admin client
     */
    public TopicWaiter(String who, String bootstrapServers, String topic, Map<String, String> clientProperties) {
        this.who = who;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.clientProperties = Map.copyOf(clientProperties);
    }

    /**
     * Returns the topic's partition count once it exists, or empty if {@code stop} was counted down first.
     */
    public Optional<Integer> await(CountDownLatch stop) throws InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        Admin admin = Admin.create(adminProperties());
        try {
            while (stop.getCount() > 0) {
                String problem;
                KafkaFuture<Map<String, TopicDescription>> answer = admin.describeTopics(List.of(topic)).allTopicNames();
                long deadline = System.nanoTime() + ATTEMPT_TIMEOUT.toNanos();
                while (!answer.isDone() && System.nanoTime() < deadline) {
                    if (stop.await(100, TimeUnit.MILLISECONDS)) {
                        return Optional.empty();
                    }
                }
                try {
                    if (!answer.isDone()) {
                        throw new java.util.concurrent.TimeoutException();
                    }
                    return Optional.of(answer.get().get(topic).partitions().size());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        problem = "topic '" + topic + "' does not exist on " + bootstrapServers + " yet";
                    } else if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                        problem = "cannot reach Kafka at " + bootstrapServers + " (no answer in " + ATTEMPT_TIMEOUT.toSeconds() + " s)";
                    } else {
                        problem = "cannot describe topic '" + topic + "' on " + bootstrapServers + ": " + e.getCause().getMessage();
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    problem = "cannot reach Kafka at " + bootstrapServers + " (no answer in " + ATTEMPT_TIMEOUT.toSeconds() + " s)";
                }
                LOG.warn("[{}] {}; retrying in {} s", who, problem, backoff.toSeconds());
                if (stop.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
            return Optional.empty();
        } finally {
            admin.close(Duration.ofMillis(500)); // do not wait out a pending describe when stopping
        }
    }

    private Map<String, Object> adminProperties() {
        Map<String, Object> props = new HashMap<>();
        clientProperties.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, who + "-topic-check");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis());
        return props;
    }
}

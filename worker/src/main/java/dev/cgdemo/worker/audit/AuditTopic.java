package dev.cgdemo.worker.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Names the audit topic of a topic and creates it when missing. */
public final class AuditTopic {

    private AuditTopic() {
    }

    public static String of(String topic) {
        return topic + ".audit";
    }

    /**
     * Creates {@code <topic>.audit} with one partition (a total order, and the volume is one entry per poll and
     * partition) and the broker's default replication factor, unless it exists.
     */
    public static void ensure(String bootstrapServers, String topic, Map<String, String> kafkaProperties) {
        Map<String, Object> config = new java.util.HashMap<>(kafkaProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(of(topic), Optional.of(1), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create audit topic " + of(topic) + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create audit topic " + of(topic) + ": no answer from " + bootstrapServers + " in 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating audit topic " + of(topic), e);
        }
    }
}

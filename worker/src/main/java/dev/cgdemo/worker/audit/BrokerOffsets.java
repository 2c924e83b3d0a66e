package dev.cgdemo.worker.audit;

import dev.cgdemo.worker.history.PartitionOffsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Asks the broker, with the Admin client, for a topic's log start and end offsets and a group's committed offsets. */
public final class BrokerOffsets {

    private static final long TIMEOUT_SECONDS = 30;

    private final String bootstrapServers;
    private final Map<String, String> kafkaProperties;

    public BrokerOffsets(String bootstrapServers, Map<String, String> kafkaProperties) {
        this.bootstrapServers = bootstrapServers;
        this.kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** @throws IllegalStateException when the topic does not exist or the broker does not answer */
    public List<PartitionOffsets> read(String topic, String group) {
        Map<String, Object> config = new HashMap<>(kafkaProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
            List<TopicPartition> partitions = description.partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> starts = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<PartitionOffsets> result = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                long start = starts.get(tp);
                long end = ends.get(tp);
                OffsetAndMetadata commit = committed.get(tp);
                // A commit below the log start (retention deleted records) counts from the log start.
                long position = commit == null ? start : Math.min(end, Math.max(start, commit.offset()));
                result.add(new PartitionOffsets(tp.partition(), start, position, end));
            }
            return result;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read offsets of topic " + topic + " and group " + group + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from " + bootstrapServers + " in " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), tp -> spec)))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> result = new HashMap<>();
        infos.forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }
}

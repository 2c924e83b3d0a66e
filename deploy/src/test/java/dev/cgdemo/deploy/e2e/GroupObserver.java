package dev.cgdemo.deploy.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The group and topic as Kafka itself sees them, through the Admin client (never through the operator). */
final class GroupObserver implements AutoCloseable {

    private final Admin admin;
    private final String topic;
    private final String groupId;

    GroupObserver(String bootstrapServers, String topic, String groupId) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.admin = Admin.create(config);
        this.topic = topic;
        this.groupId = groupId;
    }

    /** Members by client id (= pod name) with the partitions each owns; members that own nothing map to an empty list. */
    Map<String, List<Integer>> partitionsByMember() {
        ConsumerGroupDescription group = get(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId));
        Map<String, List<Integer>> owners = new TreeMap<>();
        group.members().forEach(member -> owners.put(member.clientId(), member.assignment().topicPartitions().stream()
                .filter(tp -> tp.topic().equals(topic))
                .map(TopicPartition::partition)
                .sorted()
                .toList()));
        return owners;
    }

    /** Partition → owning member's client id, for owned partitions. */
    Map<Integer, String> ownerByPartition() {
        Map<Integer, String> owners = new TreeMap<>();
        partitionsByMember().forEach((member, partitions) -> partitions.forEach(p -> owners.put(p, member)));
        return owners;
    }

    boolean topicExists() {
        return get(admin.listTopics().names()).contains(topic);
    }

    int partitionCount() {
        TopicDescription description = get(admin.describeTopics(List.of(topic)).topicNameValues().get(topic));
        return description.partitions().size();
    }

    Map<Integer, Long> committedOffsets() {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        Map<Integer, Long> offsets = new TreeMap<>();
        committed.forEach((tp, offset) -> {
            if (tp.topic().equals(topic) && offset != null) {
                offsets.put(tp.partition(), offset.offset());
            }
        });
        return offsets;
    }

    Map<Integer, Long> endOffsets() {
        return offsets(OffsetSpec.latest());
    }

    Map<Integer, Long> startOffsets() {
        return offsets(OffsetSpec.earliest());
    }

    private Map<Integer, Long> offsets(OffsetSpec spec) {
        int partitions = partitionCount();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), spec);
        }
        return get(admin.listOffsets(request).all()).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset(), (a, b) -> a, TreeMap::new));
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka Admin call failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}

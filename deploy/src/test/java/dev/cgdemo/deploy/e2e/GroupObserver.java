package dev.cgdemo.deploy.e2e;

import dev.cgdemo.worker.watch.GroupReader;
import dev.cgdemo.worker.watch.GroupSnapshot;
import dev.cgdemo.worker.watch.PartitionRow;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The group and topic as Kafka itself sees them (never through the operator), read with the worker's
 * {@link GroupReader}, the same describe the operator and the lab use.
 */
final class GroupObserver implements AutoCloseable {

    private final Admin admin;
    private final GroupReader reader;

    GroupObserver(String bootstrapServers, String topic, String groupId) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.admin = Admin.create(config);
        this.reader = new GroupReader(admin, groupId, topic, Duration.ofSeconds(20), Clock.systemUTC());
    }

    /** Members by client id (= pod name) with the partitions each owns; members that own nothing map to an empty list. */
    Map<String, List<Integer>> partitionsByMember() {
        Map<String, List<Integer>> members = new TreeMap<>();
        read().members().forEach((member, partitions) -> members.put(member, List.copyOf(partitions)));
        return members;
    }

    /** Partition → owning member's client id, for owned partitions. */
    Map<Integer, String> ownerByPartition() {
        return read().owners();
    }

    boolean topicExists() {
        return partitionCount() > 0;
    }

    int partitionCount() {
        return read().rows().size();
    }

    Map<Integer, Long> committedOffsets() {
        Map<Integer, Long> offsets = new TreeMap<>();
        read().rows().stream().filter(row -> row.committed() != null)
                .forEach(row -> offsets.put(row.partition(), row.committed()));
        return offsets;
    }

    Map<Integer, Long> endOffsets() {
        return offsets(PartitionRow::end);
    }

    Map<Integer, Long> startOffsets() {
        return offsets(PartitionRow::start);
    }

    private Map<Integer, Long> offsets(ToLongFunction<PartitionRow> offset) {
        Map<Integer, Long> offsets = new TreeMap<>();
        read().rows().forEach(row -> offsets.put(row.partition(), offset.applyAsLong(row)));
        return offsets;
    }

    private GroupSnapshot read() {
        GroupSnapshot snapshot = reader.read();
        if (!snapshot.available()) {
            throw new IllegalStateException("Kafka Admin call failed: " + snapshot.unavailable());
        }
        return snapshot;
    }

    @Override
    public void close() {
        admin.close();
    }
}

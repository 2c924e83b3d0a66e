package dev.cgdemo.worker.events;

import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.PartitionBatch;
import dev.cgdemo.worker.consume.ProcessedBatch;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON lines are a contract with the lab: these are their exact shapes. */
class JsonMemberEventsTest {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ConsumerSettings settings = ConsumerSettings.of("localhost:9092", "t", "g", "c-1");
    private final JsonMemberEvents events = new JsonMemberEvents(new PrintStream(buffer, true, StandardCharsets.UTF_8), settings,
            Clock.fixed(Instant.ofEpochMilli(1000), ZoneOffset.UTC));
    private final TopicPartition p0 = new TopicPartition("t", 0);
    private final TopicPartition p2 = new TopicPartition("t", 2);

    private List<String> lines() {
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void everyEventIsOneLineWithTimestampNameAndConsumerId() {
        events.onStarted("c-1");
        events.onAssigned("c-1", List.of(p2, p0), Set.of(p0, p2));
        // processed p2 first; the line lists partitions in order
        events.onProcessed("c-1", new ProcessedBatch(List.of(),
                List.of(new PartitionBatch("t", 2, 4, 4, 1), new PartitionBatch("t", 0, 17, 19, 3))));
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        offsets.put(p2, 5L);
        offsets.put(p0, 20L);
        events.onCommitted("c-1", offsets, true, null);
        events.onCommitted("c-1", Map.of(p0, 21L), false, "RebalanceInProgress");
        events.onRevoked("c-1", List.of(p2), Set.of(p0));
        events.onLost("c-1", List.of(p0), Set.of());
        events.onShutdown("c-1");

        assertThat(lines()).containsExactly(
                "{\"timestamp\":1000,\"name\":\"startup_complete\",\"consumerId\":\"c-1\",\"groupId\":\"g\",\"topic\":\"t\","
                        + "\"protocol\":\"classic\",\"assignor\":\"cooperative-sticky\",\"staticMembership\":false}",
                "{\"timestamp\":1000,\"name\":\"partitions_assigned\",\"consumerId\":\"c-1\","
                        + "\"partitions\":[{\"topic\":\"t\",\"partition\":0},{\"topic\":\"t\",\"partition\":2}],"
                        + "\"owned\":[{\"topic\":\"t\",\"partition\":0},{\"topic\":\"t\",\"partition\":2}]}",
                "{\"timestamp\":1000,\"name\":\"records_consumed\",\"consumerId\":\"c-1\",\"count\":0,"
                        + "\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"count\":3,\"minOffset\":17,\"maxOffset\":19},"
                        + "{\"topic\":\"t\",\"partition\":2,\"count\":1,\"minOffset\":4,\"maxOffset\":4}]}",
                "{\"timestamp\":1000,\"name\":\"offsets_committed\",\"consumerId\":\"c-1\","
                        + "\"offsets\":[{\"topic\":\"t\",\"partition\":0,\"offset\":20},{\"topic\":\"t\",\"partition\":2,\"offset\":5}],\"success\":true}",
                "{\"timestamp\":1000,\"name\":\"offsets_committed\",\"consumerId\":\"c-1\","
                        + "\"offsets\":[{\"topic\":\"t\",\"partition\":0,\"offset\":21}],\"success\":false,\"error\":\"RebalanceInProgress\"}",
                "{\"timestamp\":1000,\"name\":\"partitions_revoked\",\"consumerId\":\"c-1\","
                        + "\"partitions\":[{\"topic\":\"t\",\"partition\":2}],\"owned\":[{\"topic\":\"t\",\"partition\":0}]}",
                "{\"timestamp\":1000,\"name\":\"partitions_lost\",\"consumerId\":\"c-1\","
                        + "\"partitions\":[{\"topic\":\"t\",\"partition\":0}],\"owned\":[]}",
                "{\"timestamp\":1000,\"name\":\"shutdown_complete\",\"consumerId\":\"c-1\"}");
    }
}

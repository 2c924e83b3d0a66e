package dev.cgdemo.worker.events;

import dev.cgdemo.worker.consume.PartitionBatch;
import dev.cgdemo.worker.consume.ProcessedBatch;
import dev.cgdemo.worker.consume.ProcessedRecord;
import dev.cgdemo.worker.produce.WebEvent;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TextMemberEventsTest {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final TopicPartition p0 = new TopicPartition("t", 0);
    private final TopicPartition p1 = new TopicPartition("t", 1);
    private final ProcessedBatch batch = new ProcessedBatch(List.of(
            new ProcessedRecord("t", 1, 17, "user-7", Optional.of(new WebEvent("user-7", "page_view", "/products/3", Instant.EPOCH, "p", 42)), 0),
            new ProcessedRecord("t", 1, 18, "x", Optional.empty(), 0)),
            List.of(new PartitionBatch("t", 1, 17, 18, 2)));

    private List<String> lines() {
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void oneLinePerRecordAndPerAssignmentChange() {
        TextMemberEvents events = new TextMemberEvents(new PrintStream(buffer, true, StandardCharsets.UTF_8), Ansi.none(), true);
        events.onAssigned("consumer-2", List.of(p1), Set.of(p0, p1));
        events.onAssigned("consumer-2", List.of(), Set.of(p0, p1)); // a rebalance that changed nothing here: no line
        events.onAssigned("consumer-9", List.of(), Set.of());
        events.onProcessed("consumer-2", batch);
        events.onRevoked("consumer-2", List.of(p0), Set.of(p1));
        events.onLost("consumer-2", List.of(p1), Set.of());

        assertThat(lines()).containsExactly(
                "[consumer-2] assigned p1 -> owns p0, p1",
                "[consumer-9] joined the group, no partitions for it (more members than partitions?)",
                "[consumer-2] p1 @17 user-7 page_view /products/3",
                "[consumer-2] p1 @18 key=x (not a web event)",
                "[consumer-2] revoked p0 (committed) -> owns p1",
                "[consumer-2] LOST p1 (could not commit) -> owns nothing");
    }

    @Test
    void recordLinesCanBeSwitchedOffAndColourWrapsEachLine() {
        TextMemberEvents events = new TextMemberEvents(new PrintStream(buffer, true, StandardCharsets.UTF_8), Ansi.forIndex(0), false);
        events.onProcessed("consumer-1", batch);
        events.onAssigned("consumer-1", List.of(p0), Set.of(p0));

        assertThat(lines()).containsExactly("\u001b[36m[consumer-1] assigned p0 -> owns p0\u001b[0m");
    }
}

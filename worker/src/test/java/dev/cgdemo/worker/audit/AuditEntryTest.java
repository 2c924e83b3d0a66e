package dev.cgdemo.worker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cgdemo.worker.consume.PartitionBatch;
import dev.cgdemo.worker.consume.ProcessedBatch;
import dev.cgdemo.worker.consume.ProcessedRecord;
import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.history.ProcessedRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final Instant T = Instant.parse("2026-11-25T06:00:00.123456Z");
    private final AuditJson json = new AuditJson();

    @Test
    void aBatchEntryIsOneFlatJsonLineAndReadsBackToTheSameRange() {
        ProcessedRange range = new ProcessedRange("c-1", 7, 2, 100, 149, 50, T, T.plusMillis(40));

        String line = json.write(AuditEntry.batch("web", "g", range));

        assertThat(line).isEqualTo("{\"type\":\"batch\",\"topic\":\"web\",\"group\":\"g\",\"member\":\"c-1\",\"generation\":7,"
                + "\"partition\":2,\"firstOffset\":100,\"lastOffset\":149,\"count\":50,"
                + "\"firstProcessedAt\":\"2026-11-25T06:00:00.123456Z\",\"lastProcessedAt\":\"2026-11-25T06:00:00.163456Z\"}");
        AuditEntry back = json.read(line);
        assertThat(back.isBatch()).isTrue();
        assertThat(back.toRange()).isEqualTo(range);
    }

    @Test
    void anAssignmentEntryReadsBackToTheSameChange() {
        AssignmentChange change = new AssignmentChange("c-2", 8, AssignmentChange.Kind.REVOKED, List.of(0, 2), T);

        String line = json.write(AuditEntry.assignment("web", "g", change));

        assertThat(line).isEqualTo("{\"type\":\"revoked\",\"topic\":\"web\",\"group\":\"g\",\"member\":\"c-2\",\"generation\":8,"
                + "\"partitions\":[0,2],\"at\":\"2026-11-25T06:00:00.123456Z\"}");
        assertThat(json.read(line).toChange()).isEqualTo(change);
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> json.read("{\"userId\":\"user-1\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.read("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPollBatchBecomesOneRangePerPartitionTimedByTheRecordsPositions() {
        List<ProcessedRecord> records = List.of(
                record("web", 0, 10), record("web", 0, 11), record("other", 5, 1), record("web", 1, 3));
        ProcessedBatch batch = new ProcessedBatch(records,
                List.of(new PartitionBatch("web", 0, 10, 11, 2), new PartitionBatch("other", 5, 1, 1, 1),
                        new PartitionBatch("web", 1, 3, 3, 1)),
                4, T, T.plusMillis(400));

        List<ProcessedRange> ranges = BatchRanges.of("web", "c-1", batch);

        assertThat(ranges).containsExactly(
                new ProcessedRange("c-1", 4, 0, 10, 11, 2, T, T.plusMillis(200)),
                new ProcessedRange("c-1", 4, 1, 3, 3, 1, T.plusMillis(300), T.plusMillis(400)));
    }

    private static ProcessedRecord record(String topic, int partition, long offset) {
        return new ProcessedRecord(topic, partition, offset, "user-1", Optional.empty(), 0L);
    }
}

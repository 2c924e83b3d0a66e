package dev.cgdemo.worker.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PolledRecordsTest {

    @Test
    void readsEachPartitionsProcessedRecordsInProcessingOrderAndDecodesThemWhenRead() {
        List<ConsumerRecord<byte[], byte[]>> p2 = List.of(record(2, 7, "user-1", "ä"), record(2, 8, null, null));
        List<ConsumerRecord<byte[], byte[]>> p0 = List.of(record(0, 40, "user-2", "a"), record(0, 41, "user-3", "b"),
                record(0, 42, "user-4", "c"));
        PolledRecords records = new PolledRecords();
        records.add(p2, 2);
        records.add(List.of(), 0);
        records.add(p0, 2); // cut short: offset 42 was not processed

        assertThat(records).hasSize(4);
        assertThat(records).extracting(ProcessedRecord::partition, ProcessedRecord::offset).containsExactly(
                tuple(2, 7L), tuple(2, 8L),
                tuple(0, 40L), tuple(0, 41L));
        assertThat(records.get(0)).isEqualTo(new ProcessedRecord("t", 2, 7, "user-1", "ä", 1000L));
        assertThat(records.get(1).key()).isNull();
        assertThat(records.get(1).value()).isNull();
        assertThat(records.get(3).value()).isEqualTo("b");
        assertThatThrownBy(() -> records.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> records.add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBatchKeepsTheMembersListInsteadOfCopyingItRecordByRecord() {
        PolledRecords records = new PolledRecords();
        records.add(List.of(record(1, 5, "k", "v")), 1);

        ProcessedBatch batch = new ProcessedBatch(records, List.of(new PartitionBatch("t", 1, 5, 5, 1)), 3,
                Instant.EPOCH, Instant.EPOCH);

        assertThat(batch.records()).isSameAs(records);
        assertThat(batch.count()).isEqualTo(1);
    }

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, String key, String value) {
        return new ConsumerRecord<>("t", partition, offset, 1000L, TimestampType.CREATE_TIME,
                0, 0, bytes(key), bytes(value), new RecordHeaders(),
                Optional.empty());
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}

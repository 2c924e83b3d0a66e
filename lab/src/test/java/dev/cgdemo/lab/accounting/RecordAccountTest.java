package dev.cgdemo.lab.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cgdemo.worker.history.DuplicateRange;
import dev.cgdemo.worker.history.OffsetRange;
import dev.cgdemo.worker.history.PartitionReport;

class RecordAccountTest {

    private static PartitionReport report(int partition, long committed, long end, long processed,
                                          List<OffsetRange> lost, List<DuplicateRange> duplicates) {
        return new PartitionReport(partition, 0, committed, end, processed, lost, duplicates);
    }

    @Test
    void everyOffsetProcessedIsComplete() {
        RecordAccount account = new RecordAccount(16, List.of(
                report(0, 10, 10, 10, List.of(), List.of(new DuplicateRange(new OffsetRange(6, 8), "c-2", "c-1", 2))),
                report(1, 3, 3, 3, List.of(), List.of()),
                report(2, 0, 0, 0, List.of(), List.of())));

        assertThat(account.produced()).isEqualTo(13);
        assertThat(account.processed()).isEqualTo(13);
        assertThat(account.duplicates()).isEqualTo(3);
        assertThat(account.lost()).isZero();
        assertThat(account.unconsumed()).isZero();
        assertThat(account.complete()).isTrue();
    }

    @Test
    void aGapBelowTheCommittedOffsetIsLostAndNamed() {
        RecordAccount account = new RecordAccount(7, List.of(
                report(0, 12, 12, 7, List.of(new OffsetRange(4, 6), new OffsetRange(10, 11)), List.of())));

        assertThat(account.lost()).isEqualTo(5);
        assertThat(account.unconsumed()).isZero();
        assertThat(account.lostRanges()).containsExactly(Map.entry(0, List.of(new OffsetRange(4, 6), new OffsetRange(10, 11))));
        assertThat(account.complete()).isFalse();
    }

    @Test
    void whatNobodyProcessedAboveTheCommittedOffsetIsNotConsumedNotLost() {
        RecordAccount account = new RecordAccount(4, List.of(
                report(0, 4, 9, 4, List.of(), List.of()),
                report(1, 0, 2, 0, List.of(), List.of())));

        assertThat(account.lost()).isZero();
        assertThat(account.unconsumed()).isEqualTo(5 + 2);
        assertThat(account.complete()).isFalse();
    }
}

package dev.cgdemo.lab.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OffsetLedgerTest {

    @Test
    void everyOffsetOnceIsNothingLostNothingTwice() {
        OffsetLedger ledger = new OffsetLedger();
        ledger.recordBatch(0, 0, 4, 5);
        ledger.recordBatch(0, 5, 9, 5);
        ledger.recordBatch(1, 0, 2, 3);

        DeliveryReport report = ledger.reconcile(Map.of(0, 10L, 1, 3L, 2, 0L));

        assertThat(report.produced()).isEqualTo(13);
        assertThat(report.consumed()).isEqualTo(13);
        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isZero();
        assertThat(report.missing()).isEmpty();
        assertThat(report.repeated()).isEmpty();
        assertThat(report.nothingLost()).isTrue();
    }

    @Test
    void aGapIsLostAndNamed() {
        OffsetLedger ledger = new OffsetLedger();
        ledger.recordBatch(0, 0, 3, 4);
        ledger.recordBatch(0, 7, 9, 3);

        DeliveryReport report = ledger.reconcile(Map.of(0, 12L));

        assertThat(report.lost()).isEqualTo(3 + 2);
        assertThat(report.missing()).containsEntry(0, List.of(new OffsetRange(4, 6), new OffsetRange(10, 11)));
        assertThat(report.nothingLost()).isFalse();
        assertThat(ledger.coversAll(Map.of(0, 4L))).isTrue();
        assertThat(ledger.coversAll(Map.of(0, 5L))).isFalse();
    }

    @Test
    void aPartitionNobodyReadIsLostEntirely() {
        OffsetLedger ledger = new OffsetLedger();
        ledger.recordBatch(0, 0, 1, 2);

        DeliveryReport report = ledger.reconcile(Map.of(0, 2L, 1, 5L));

        assertThat(report.lost()).isEqualTo(5);
        assertThat(report.missing()).containsOnlyKeys(1).containsEntry(1, List.of(new OffsetRange(0, 4)));
    }

    @Test
    void overlappingBatchesCountEachExtraDelivery() {
        OffsetLedger ledger = new OffsetLedger();
        ledger.recordBatch(2, 0, 9, 10);
        ledger.recordBatch(2, 6, 9, 4);   // re-read after a crash: 6..9 twice
        ledger.recordBatch(2, 8, 11, 4);  // 8..9 a third time, 10..11 once

        DeliveryReport report = ledger.reconcile(Map.of(2, 12L));

        assertThat(report.consumed()).isEqualTo(18);
        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isEqualTo(4 + 2);
        assertThat(report.repeated()).as("6..7 twice and 8..9 three times, as one range")
                .containsOnlyKeys(2).containsEntry(2, List.of(new OffsetRange(6, 9)));
    }

    @Test
    void offsetsAtOrPastTheEndAreIgnored() {
        OffsetLedger ledger = new OffsetLedger();
        ledger.recordBatch(0, 0, 4, 5);
        ledger.recordBatch(0, 3, 8, 6);

        DeliveryReport report = ledger.reconcile(Map.of(0, 4L));

        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isEqualTo(1); // only offset 3 lies below the end twice
    }

    @Test
    void aBatchWhoseCountDoesNotMatchItsSpanIsReported() {
        OffsetLedger ledger = new OffsetLedger();
        ledger.recordBatch(0, 0, 9, 8);

        assertThat(ledger.reconcile(Map.of(0, 10L)).irregularBatches()).isEqualTo(1);
    }

    @Test
    void emptyLogAndNothingConsumedIsClean() {
        DeliveryReport report = new OffsetLedger().reconcile(Map.of(0, 0L, 1, 0L));

        assertThat(report.produced()).isZero();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isZero();
    }
}

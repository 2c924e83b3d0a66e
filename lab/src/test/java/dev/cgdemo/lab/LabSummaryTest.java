package dev.cgdemo.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cgdemo.lab.LabSummary.StepOutcome;
import dev.cgdemo.lab.accounting.RecordAccount;
import dev.cgdemo.worker.history.OffsetRange;
import dev.cgdemo.worker.history.PartitionReport;

class LabSummaryTest {

    private static LabSummary summary(PartitionReport... reports) {
        return new LabSummary(List.of(new StepOutcome("start", "consumer-1=[0]", true)), 1, 0, 0, 10,
                new RecordAccount(10, List.of(reports)), Optional.empty(), 0);
    }

    @Test
    void everyRecordProcessedIsOkAndExitsZero() {
        LabSummary summary = summary(new PartitionReport(0, 0, 10, 10, 10, List.of(), List.of()));

        assertThat(summary.exitCode()).isZero();
        assertThat(summary.render().lines()).containsSubsequence(
                "records produced: 10 (producer acknowledged 10)",
                "records consumed: 10",
                "records processed: 10 (distinct offsets, per the audit)",
                "lost: 0",
                "consumed twice: 0",
                "RESULT: OK, nothing lost");
        assertThat(summary.render()).doesNotContain("not consumed");
    }

    @Test
    void aLostRecordFailsAndIsNamed() {
        LabSummary summary = summary(new PartitionReport(0, 0, 10, 10, 9, List.of(new OffsetRange(4, 4)), List.of()));

        assertThat(summary.exitCode()).isEqualTo(1);
        assertThat(summary.render()).contains(
                "lost: 1 (below the committed offsets and never processed, partition=offsets: {0=[4]})",
                "RESULT: FAILED, records were lost");
    }

    @Test
    void recordsLeftUnconsumedFailToo() {
        LabSummary summary = summary(new PartitionReport(0, 0, 6, 10, 6, List.of(), List.of()));

        assertThat(summary.exitCode()).isEqualTo(1);
        assertThat(summary.render()).contains("lost: 0\n", "not consumed: 4 (at or above the committed offsets",
                "RESULT: FAILED, records were not consumed");
    }
}

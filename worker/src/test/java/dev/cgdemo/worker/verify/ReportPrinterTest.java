package dev.cgdemo.worker.verify;
import dev.cgdemo.worker.history.PartitionReport;

import dev.cgdemo.worker.history.OffsetRange;
import dev.cgdemo.worker.history.DuplicateRange;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.Rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPrinterTest {

    @Test
    void namesLostRangesDuplicatesAndMoves() {
        Instant t = Instant.parse("2026-11-25T06:00:00Z");
        DeliveryReport report = new DeliveryReport("web-events",
                List.of(new PartitionReport(0, 0, 100, 110, 90, List.of(new OffsetRange(10, 19)),
                        List.of(new DuplicateRange(new OffsetRange(80, 89), "c-1", "c-2", 2)))),
                List.of(new Rebalance(2, t, t.plusMillis(40), true,
                        List.of(new Handover(0, "c-1", "c-2", 812L)), 700L, "leave")));

        String text = new ReportPrinter().render(report);

        assertThat(text)
                .contains("topic web-events: processed 90, lost 10, duplicates 10, rebalances 1")
                .contains("LOST p0 offsets 10..19 (10)")
                .contains("duplicate p0 offsets 80..89 (10): processed by c-1, again by c-2, after rebalance #2")
                .contains("#2 at 06:00:00.000 (40 ms) eager, group-wide stop 700 ms: 0: c-1 -> c-2 (pause 812 ms)");
    }
}

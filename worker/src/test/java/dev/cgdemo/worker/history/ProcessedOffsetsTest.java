package dev.cgdemo.worker.history;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcessedOffsetsTest {

    private static final Instant T = Instant.parse("2026-11-25T06:00:00Z");

    @Test
    void gapsAreTheUnprocessedRunsInsideTheWindow() {
        ProcessedOffsets offsets = new ProcessedOffsets();
        offsets.add(new OffsetRange(10, 19), "a", T);
        offsets.add(new OffsetRange(30, 39), "a", T);

        assertThat(offsets.gaps(0, 50)).containsExactly(new OffsetRange(0, 9), new OffsetRange(20, 29), new OffsetRange(40, 49));
        assertThat(offsets.gaps(15, 35)).containsExactly(new OffsetRange(20, 29));
        assertThat(offsets.gaps(10, 20)).isEmpty();
        assertThat(offsets.gaps(5, 5)).isEmpty();
    }

    @Test
    void overlapsAreClippedAndKeepTheFirstProcessor() {
        ProcessedOffsets offsets = new ProcessedOffsets();
        offsets.add(new OffsetRange(10, 19), "a", T);
        offsets.add(new OffsetRange(15, 24), "b", T.plusSeconds(1));

        assertThat(offsets.size()).isEqualTo(15);
        assertThat(offsets.overlaps(new OffsetRange(12, 22)))
                .extracting(ProcessedOffsets.Piece::offsets, ProcessedOffsets.Piece::member)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new OffsetRange(12, 19), "a"),
                        org.assertj.core.groups.Tuple.tuple(new OffsetRange(20, 22), "b"));
        assertThat(offsets.overlaps(new OffsetRange(0, 9))).isEmpty();
    }

    @Test
    void forgettingWhoProcessedOldOffsetsJoinsTheirPiecesButKeepsTheGaps() {
        ProcessedOffsets offsets = new ProcessedOffsets();
        offsets.add(new OffsetRange(0, 9), "a", T);
        offsets.add(new OffsetRange(10, 19), "b", T);
        offsets.add(new OffsetRange(25, 29), "a", T);
        offsets.add(new OffsetRange(30, 39), "b", T.plusSeconds(100));

        offsets.forgetWhoBefore(35, T.plusSeconds(10));

        assertThat(offsets.pieceCount()).isEqualTo(3);
        assertThat(offsets.gaps(0, 40)).containsExactly(new OffsetRange(20, 24));
        assertThat(offsets.size()).isEqualTo(35);
        assertThat(offsets.overlaps(new OffsetRange(5, 12))).extracting(ProcessedOffsets.Piece::member)
                .containsExactly(ProcessedOffsets.EARLIER);
        assertThat(offsets.overlaps(new OffsetRange(36, 36))).extracting(ProcessedOffsets.Piece::member)
                .containsExactly("b");
    }
}

package dev.cgdemo.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPlanTest {

    private static final Instant T = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void aFullGroupLosesAMemberByTurnsCleanlyAndHardAndAJoinRefillsIt() {
        EventPlan plan = new EventPlan(3);
        int running = 3;
        List<EventKind> kinds = new ArrayList<>();
        for (int i = 0; i < EventPlan.eventsFor(2); i++) {
            EventKind kind = plan.next(running);
            kinds.add(kind);
            running += kind == EventKind.JOIN ? 1 : -1;
        }
        assertThat(kinds).containsExactly(EventKind.CLEAN_LEAVE, EventKind.JOIN, EventKind.CRASH, EventKind.JOIN,
                EventKind.CLEAN_LEAVE, EventKind.JOIN, EventKind.CRASH, EventKind.JOIN);
        assertThat(running).isEqualTo(3);
    }

    @Test
    void theNextEventWaitsForTheQuietSpellAndOtherwiseKeepsTheSchedule() {
        Pacing pacing = new Pacing(Duration.ofSeconds(6), Duration.ofSeconds(10));
        assertThat(pacing.next(T, T.plusSeconds(1))).isEqualTo(T.plusSeconds(10));
        assertThat(pacing.next(T, T.plusSeconds(7))).isEqualTo(T.plusSeconds(13));
        assertThat(new Pacing(Duration.ofSeconds(6), Duration.ZERO).next(T, T.plusSeconds(1))).isEqualTo(T.plusSeconds(7));
    }
}

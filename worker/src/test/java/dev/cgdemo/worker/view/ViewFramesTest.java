package dev.cgdemo.worker.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.cgdemo.worker.history.GroupAction;
import dev.cgdemo.worker.history.Rebalance;
import dev.cgdemo.worker.history.RebalanceCause;
import org.junit.jupiter.api.Test;

class ViewFramesTest {

    private final Instant now = Instant.now();
    private final BusyGroup group = new BusyGroup(4, 3, Duration.ofMinutes(3), now);
    private final MemberColours colours = new MemberColours();
    private final ViewFrames frames = new ViewFrames(new ViewHeader("t", "range"), colours,
            List.of(new ViewAction("stop", "stop", true, "")));

    @Test
    void lanesFollowOwnershipAndEveryMoveIsARebalanceWithItsPause() {
        ViewFrame frame = frames.frame(group, 1, now, now);

        assertThat(frame.header().partitions()).isEqualTo(4);
        assertThat(frame.lanes()).hasSize(4);
        assertThat(group.rebalances()).isEqualTo(3);
        // the first three handovers moved p0, p1, p2, one each: those lanes have two owners, p3 one
        assertThat(frame.lanes().subList(0, 3)).allSatisfy(lane -> assertThat(lane).hasSize(2));
        assertThat(frame.lanes().get(3)).hasSize(1);
        for (List<ViewFrame.Segment> lane : frame.lanes()) {
            assertThat(lane.get(lane.size() - 1).to()).as("the current owner's segment is open").isNull();
        }
        assertThat(frame.rebalances().get(0).cause()).isEqualTo("start");
        assertThat(frame.rebalances().get(0).moves()).allSatisfy(move -> assertThat(move.from()).isNull());
        List<ViewFrame.RebalanceMark> moved = frame.rebalances().subList(1, frame.rebalances().size());
        assertThat(moved).extracting(r -> r.moves().get(0).partition()).containsExactly(0, 1, 2);
        assertThat(moved).allSatisfy(r -> assertThat(r.maxPauseMs()).isNotNull().isPositive());
        assertThat(frame.counters().lost()).isZero();
        assertThat(frame.counters().produced()).isGreaterThan(frame.counters().lag());
        assertThat(frame.members()).extracting(ViewFrame.Member::id).containsExactly("consumer-1", "consumer-2", "consumer-3");
        assertThat(frame.actions()).extracting(ViewAction::name).containsExactly("stop");
    }

    @Test
    void aMemberKeepsItsColourAcrossFramesAndOwnerIndexesPointAtIt() {
        ViewFrame first = frames.frame(group, 1, now, now);
        group.advance(Duration.ofMinutes(2));
        ViewFrame later = frames.frame(group, 2, now.plus(Duration.ofMinutes(2)), now);
        for (ViewFrame.Member member : later.members()) {
            first.members().stream().filter(m -> m.id().equals(member.id())).findFirst()
                    .ifPresent(m -> assertThat(m.colour()).isEqualTo(member.colour()));
        }
        assertThat(later.members()).extracting(ViewFrame.Member::colour).doesNotHaveDuplicates();
        for (List<ViewFrame.Segment> lane : later.lanes()) {
            for (ViewFrame.Segment segment : lane) {
                ViewFrame.Owner owner = later.owners().get(segment.owner());
                assertThat(owner.colour()).isEqualTo(colours.of(owner.id()));
            }
        }
    }

    @Test
    void aRebalanceAtTheWindowsLeftEdgeKeepsTheOlderActionThatCausedIt() {
        BusyGroup busy = new BusyGroup(4, 3, Duration.ofSeconds(10), now);
        busy.history().acted("chaos", "kill consumer-1", busy.history().latest(), RebalanceCause.LEAVE, Duration.ofMinutes(2));
        busy.advance(Duration.ofMinutes(2));
        GroupAction action = busy.history().actions().get(0);
        Integer caused = action.rebalance();
        Rebalance rebalance = busy.history().rebalances().stream().filter(r -> caused.equals(r.number())).findFirst().orElseThrow();

        // the window starts 1 ms before that rebalance ended: the rebalance is shown, its action is older
        Instant frameNow = rebalance.end().plus(ViewFrames.SHOWN).minusMillis(1);
        assertThat(action.at()).isBefore(frameNow.minus(ViewFrames.SHOWN));
        ViewFrame frame = frames.frame(busy, 1, frameNow, frameNow);

        assertThat(frame.rebalances()).extracting(ViewFrame.RebalanceMark::number).contains(caused);
        assertThat(frame.acted()).extracting(ViewFrame.ActionMark::what, ViewFrame.ActionMark::rebalance)
                .containsExactly(tuple("kill consumer-1", caused));
    }

    @Test
    void fiftyColoursAreFiftyDifferentColours() {
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(MemberColours::colour).distinct()).hasSize(50);
    }

    @Test
    void consumerTwoSortsBeforeConsumerTen() {
        assertThat(ViewFrames.compareIds("consumer-2", "consumer-10")).isNegative();
        assertThat(ViewFrames.compareIds("a-1", "b-1")).isNegative();
    }
}

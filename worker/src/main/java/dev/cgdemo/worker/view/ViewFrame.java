package dev.cgdemo.worker.view;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * One picture of the group for the page, as JSON: times are epoch milliseconds. Lanes and lag are arrays, not
 * objects, so 100 partitions with 30 minutes of history stay a small message.
 *
 * @param seq       goes up with every frame of this feed
 * @param now       the server's clock when the frame was made
 * @param changedAt when the server heard of the first change this frame shows (for the page's latency figure)
 * @param from      the earliest time the lanes and lag show
 * @param owners    every member the lanes name, with its colour; lane segments refer to them by index
 * @param lanes     per partition, its owners over time
 * @param acted     what was done to the group from outside (chaos), to be told apart from rebalances a user caused
 * @param lag       per partition, lag on a shared time grid
 */
public record ViewFrame(long seq, long now, long changedAt, Header header, long from, List<Owner> owners,
                        List<List<Segment>> lanes, List<RebalanceMark> rebalances, List<ActionMark> acted, List<Member> members,
                        LagGrid lag, Counters counters, List<ViewAction> actions) {

    /** @param unavailable why the group could not be read last time, or null */
    public record Header(String title, String group, String topic, String state, String protocol, String assignor,
                         Integer generation, int partitions, boolean auditing, String unavailable) {
    }

    public record Owner(String id, String colour) {
    }

    /** {@code [ownerIndex, from, to]}: to is null while the owner still holds the partition. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Segment(int owner, long from, Long to) {
    }

    /**
     * A rebalance: cause, when, what moved (partition, from, to, pause ms; from or to null when nobody), the longest
     * pause of a moved partition and the longest time no member processed anything.
     */
    public record RebalanceMark(int number, long start, long end, String cause, boolean eager, Long maxPauseMs,
                                Long groupStopMs, List<Move> moves) {
    }

    /** An action taken on the group from outside: who, what, when, and the number of the rebalance it caused (or null). */
    public record ActionMark(long at, String by, String what, Integer rebalance) {
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Move(int partition, String from, String to, Long pauseMs) {
    }

    /** @param state active (owns partitions), idle (in the group, owns none) or joining (described, no audit yet) */
    public record Member(String id, String colour, String state, List<Integer> partitions, double recordsPerSecond) {
    }

    /** Lag of partition p at {@code from + i * step} is {@code series[p][i]} (null: no read in that step). */
    public record LagGrid(long from, long step, List<List<Long>> series) {
    }

    /** @param produced records in the topic's logs; consumed: distinct offsets processed (audit) */
    public record Counters(long produced, long consumed, long lost, long duplicates, long lag) {
    }
}

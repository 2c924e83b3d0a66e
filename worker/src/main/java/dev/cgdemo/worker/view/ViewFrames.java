package dev.cgdemo.worker.view;

import dev.cgdemo.worker.history.Delivery;
import dev.cgdemo.worker.history.GroupAction;
import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.LagPoint;
import dev.cgdemo.worker.history.MemberView;
import dev.cgdemo.worker.history.OwnershipInterval;
import dev.cgdemo.worker.history.Rebalance;
import dev.cgdemo.worker.watch.GroupSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Makes {@link ViewFrame}s from a group's history and latest read. Reads only; never changes the history. */
public final class ViewFrames {

    /** The page shows at most this much of the past. */
    public static final Duration SHOWN = Duration.ofMinutes(30);
    /** Lag points per partition in a frame, at most. */
    static final int LAG_STEPS = 120;

    private final ViewHeader header;
    private final MemberColours colours;
    private final List<ViewAction> actions;

    public ViewFrames(ViewHeader header, MemberColours colours, List<ViewAction> actions) {
        this.header = header;
        this.colours = colours;
        this.actions = List.copyOf(actions);
    }

    public ViewFrame frame(ViewSource source, long seq, Instant now, Instant changedAt) {
        GroupHistory history = source.history();
        Optional<GroupSnapshot> latest = source.latest();
        Optional<GroupSnapshot> available = source.lastAvailable();
        int partitions = Math.max(history.partitionCount(), available.map(s -> s.rows().size()).orElse(0));
        long nowMs = now.toEpochMilli();
        long from = nowMs - SHOWN.toMillis();
        long earliest = nowMs;

        Map<String, Integer> ownerIndex = new LinkedHashMap<>();
        List<List<ViewFrame.Segment>> lanes = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            List<ViewFrame.Segment> lane = new ArrayList<>();
            for (OwnershipInterval interval : history.ownership(p)) {
                long start = interval.from().toEpochMilli();
                Long end = interval.to() == null ? null : interval.to().toEpochMilli();
                if (end != null && end < from) {
                    continue;
                }
                earliest = Math.min(earliest, Math.max(start, from));
                int owner = ownerIndex.computeIfAbsent(interval.owner(), o -> ownerIndex.size());
                lane.add(new ViewFrame.Segment(owner, Math.max(start, from), end));
            }
            lanes.add(lane);
        }

        List<ViewFrame.RebalanceMark> rebalances = new ArrayList<>();
        for (Rebalance rebalance : history.rebalances()) {
            if (rebalance.end() != null && rebalance.end().toEpochMilli() < from) {
                continue;
            }
            List<ViewFrame.Move> moves = new ArrayList<>();
            for (Handover handover : rebalance.handovers()) {
                moves.add(new ViewFrame.Move(handover.partition(), handover.from(), handover.to(), handover.pauseMs()));
            }
            long start = rebalance.start().toEpochMilli();
            rebalances.add(new ViewFrame.RebalanceMark(rebalance.number(), start,
                    rebalance.end() == null ? nowMs : rebalance.end().toEpochMilli(), rebalance.cause(),
                    rebalance.eager(), rebalance.maxPauseMs(), rebalance.groupStopMs(), moves));
            earliest = Math.min(earliest, Math.max(start, from));
        }

        // An action older than the window stays while the rebalance it caused is shown, so that one keeps its colour.
        Set<Integer> drawn = rebalances.stream().map(ViewFrame.RebalanceMark::number).collect(Collectors.toSet());
        List<ViewFrame.ActionMark> acted = new ArrayList<>();
        for (GroupAction action : history.actions()) {
            long at = action.at().toEpochMilli();
            if (at >= from || drawn.contains(action.rebalance())) {
                acted.add(new ViewFrame.ActionMark(at, action.by(), action.what(), action.rebalance()));
                earliest = Math.min(earliest, Math.max(at, from));
            }
        }

        List<ViewFrame.Member> members = members(history.members(), latest);
        members.forEach(member -> ownerIndex.computeIfAbsent(member.id(), o -> ownerIndex.size()));
        List<ViewFrame.Owner> owners = ownerIndex.keySet().stream()
                .map(id -> new ViewFrame.Owner(id, colours.of(id))).toList();

        ViewFrame.LagGrid lag = lag(history, partitions, from, nowMs);
        earliest = Math.min(earliest, lag.series().stream().anyMatch(s -> s.stream().anyMatch(v -> v != null))
                ? firstLag(lag) : earliest);

        Delivery delivery = history.delivery();
        long produced = available.map(s -> s.rows().stream().mapToLong(r -> Math.max(0, r.end() - r.start())).sum())
                .orElse(0L);
        long totalLag = available.map(GroupSnapshot::totalLag).orElse(0L);
        ViewFrame.Counters counters = new ViewFrame.Counters(produced, delivery.processed(), delivery.lost(),
                delivery.duplicates(), totalLag);

        GroupSnapshot shown = latest.orElse(null);
        GroupSnapshot described = available.orElse(null);
        ViewFrame.Header head = new ViewFrame.Header(header.title(), described != null ? described.groupId()
                : shown == null ? null : shown.groupId(), described != null ? described.topic() : shown == null ? null
                : shown.topic(), described == null ? null : described.state(),
                described == null ? null : described.protocol(), header.assignor(),
                described == null ? null : described.generation(), partitions, source.auditing(), shown == null ? "no read of the group yet" : shown.unavailable());
        return new ViewFrame(seq, nowMs, changedAt.toEpochMilli(), head, Math.min(earliest, nowMs), owners, lanes,
                rebalances, acted, members, lag, counters, actions);
    }

    private List<ViewFrame.Member> members(List<MemberView> fromHistory, Optional<GroupSnapshot> latest) {
        List<ViewFrame.Member> members = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (MemberView member : fromHistory) {
            seen.add(member.member());
            members.add(new ViewFrame.Member(member.member(), colours.of(member.member()),
                    member.partitions().isEmpty() ? "idle" : "active", member.partitions(),
                    Math.round(member.recordsPerSecond() * 10) / 10.0));
        }
        latest.filter(GroupSnapshot::available).ifPresent(snapshot -> snapshot.members().forEach((id, owned) -> {
            if (!seen.contains(id)) {
                members.add(new ViewFrame.Member(id, colours.of(id), "joining", List.copyOf(owned), 0));
            }
        }));
        members.sort((a, b) -> compareIds(a.id(), b.id()));
        return members;
    }

    /** consumer-2 before consumer-10. */
    static int compareIds(String a, String b) {
        String pa = a.replaceAll("\\d+$", "");
        String pb = b.replaceAll("\\d+$", "");
        if (pa.equals(pb) && a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    }

    /** Lag of every partition on one grid from the first point shown to now, in at most {@link #LAG_STEPS} steps. */
    private static ViewFrame.LagGrid lag(GroupHistory history, int partitions, long from, long now) {
        List<List<LagPoint>> points = new ArrayList<>(partitions);
        long first = now;
        for (int p = 0; p < partitions; p++) {
            List<LagPoint> lag = history.lag(p);
            points.add(lag);
            for (LagPoint point : lag) {
                long at = point.at().toEpochMilli();
                if (at >= from) {
                    first = Math.min(first, at);
                    break;
                }
            }
        }
        long step = Math.max(500, (now - first + LAG_STEPS - 1) / LAG_STEPS);
        long gridFrom = first - Math.floorMod(first, step);
        int steps = (int) ((now - gridFrom) / step) + 1;
        List<List<Long>> series = new ArrayList<>(partitions);
        for (List<LagPoint> lag : points) {
            Long[] values = new Long[steps];
            for (LagPoint point : lag) {
                long at = point.at().toEpochMilli();
                if (at < gridFrom) {
                    continue;
                }
                int i = (int) Math.min(steps - 1, (at - gridFrom) / step);
                values[i] = values[i] == null ? point.lag() : Math.max(values[i], point.lag());
            }
            series.add(Arrays.asList(values));
        }
        return new ViewFrame.LagGrid(gridFrom, step, series);
    }

    private static long firstLag(ViewFrame.LagGrid lag) {
        int first = Integer.MAX_VALUE;
        for (List<Long> series : lag.series()) {
            for (int i = 0; i < series.size() && i < first; i++) {
                if (series.get(i) != null) {
                    first = i;
                    break;
                }
            }
        }
        return lag.from() + (long) first * lag.step();
    }
}

package dev.cgdemo.worker.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What happened to one consumer group on one topic, built as it happens from the consumers' audit entries (their
 * assignment callbacks and processed batches) and from offsets read from the broker now and then. It is the one
 * place that says who owned which partition when, what a rebalance is, when the group is settled, how long each
 * moved partition paused, and what was lost or processed twice; the operator's status and Events, the lab, the
 * {@code verify} command and the tests all read it.
 *
 * <p><b>Settled</b>: every partition of the topic has an owner. A <b>rebalance</b> runs from the first assignment
 * change after a settled moment to the next settled moment, and counts when owners or members changed, a member's
 * generation advanced, or more than one member took part; a static member restarted within its session timeout
 * (its own revoke and re-assignment of the same partitions, same generation) is no rebalance. Callbacks of the same
 * generation that arrive up to {@code lateCallbacks} after a rebalance settled belong to it: members of one
 * rebalance do not all call back at the same instant.
 *
 * <p>Memory is bounded: ownership intervals and rebalances are kept for {@link Limits#kept}, lag as in
 * {@link LagSeries}, processed offsets as one piece per run a member processed in one go.
 *
 * <p>Thread-safe: one thread feeds it, any thread reads.
 */
public final class GroupHistory {

    /** After this, a rebalance's group stop is taken as final (what is kept of activity must cover it). */
    private static final Duration GROUP_STOP_SETTLES = Duration.ofSeconds(30);

    /** How far back records/s of a member are counted. */
    public static final Duration RATE_WINDOW = Duration.ofSeconds(5);

    /** The bounds on what is kept. */
    public record Limits(Duration kept, int keptRebalances, Duration lagFineStep,
                         Duration lagFineWindow, Duration lagCoarseStep, Duration lagCoarseWindow,
                         Duration activityWindow) {

        /** An hour of ownership, 200 rebalances, lag every second for 30 minutes and every minute for a day. */
        public static final Limits DEFAULT = new Limits(Duration.ofHours(1), 200, Duration.ofSeconds(1),
                Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofMinutes(2));
    }

    private final Duration lateCallbacks;
    private final Limits limits;
    private final SortedMap<Integer, PartitionTrack> partitions = new TreeMap<>();
    private final Map<String, MemberTrack> members = new TreeMap<>();
    private final Deque<RebalanceTrack> rebalances = new ArrayDeque<>();
    private final Deque<ActionTrack> actions = new ArrayDeque<>();
    private final Activity activity;
    private int partitionCount;
    private int rebalanceCount;
    private Episode open;
    private RebalanceTrack reopened;
    private Map<Integer, String> settledOwners;
    private Set<String> settledMembers = Set.of();
    private Expectation expectation;
    private Duration assignmentStep = Duration.ZERO;
    private Instant latest = Instant.EPOCH;
    private long version;
    private long structureVersion;

    public GroupHistory(int partitionCount, Duration lateCallbacks) {
        this(partitionCount, lateCallbacks, Limits.DEFAULT);
    }

    public GroupHistory(int partitionCount, Duration lateCallbacks, Limits limits) {
        this.lateCallbacks = Objects.requireNonNull(lateCallbacks, "lateCallbacks");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.activity = new Activity(limits.activityWindow());
        partitions(partitionCount);
    }

    // ---------------------------------------------------------------- input

    /** The topic has {@code count} partitions (it may grow, never shrink). */
    public synchronized void partitions(int count) {
        if (count > partitionCount) {
            for (int p = partitionCount; p < count; p++) {
                track(p);
            }
            boolean grew = partitionCount > 0;
            partitionCount = count;
            if (grew && open == null && settledOwners != null) {
                open = new Episode(latest, settledOwners, settledMembers);
                open.causes.add(RebalanceCause.PARTITIONS);
            }
            changed(true);
        }
    }

    /**
     * The group's members receive their assignments in steps {@code step} apart (KIP-848: one heartbeat of the
     * broker's {@code group.consumer.heartbeat.interval.ms}). A member that joins gets nothing at first; its partitions
     * come once their owner has given them up at its next heartbeat. A rebalance that moved nothing is therefore
     * continued by a change up to {@code lateCallbacks} plus this step after it, instead of {@code lateCallbacks}.
     */
    public synchronized void assignmentStep(Duration step) {
        assignmentStep = Objects.requireNonNull(step, "step");
    }

    public synchronized Duration assignmentStep() {
        return assignmentStep;
    }

    /**
     * {@code by} did {@code what} to the group at {@code at} (e.g. the operator scaled the consumers), so the next
     * rebalance that starts within {@code within} is its doing, with cause {@code cause} whatever the audit suggests.
     * Kept for the timeline, as many as rebalances are.
     */
    public synchronized void acted(String by, String what, Instant at, RebalanceCause cause, Duration within) {
        ActionTrack action = new ActionTrack(at, by, what);
        actions.addLast(action);
        while (actions.size() > limits.keptRebalances()) {
            actions.removeFirst();
        }
        expectation = new Expectation(cause, at.plus(within), action);
        changed(true);
    }

    public synchronized void assignment(AssignmentChange change) {
        noteTime(change.at());
        MemberTrack member = member(change.member());
        member.lastSeen = change.at();
        List<Integer> ours = change.partitions().stream().filter(p -> p >= 0).sorted().toList();
        ours.forEach(this::track);
        RebalanceTrack last = rebalances.peekLast();
        boolean late = open == null && last != null && !change.takesAway() && change.generation() >= 0
                && change.generation() == last.generation
                && !change.at().isAfter(last.end.plus(lateCallbacks));
        if (open == null && !late && startsSomething(change, member, ours)) {
            if (last != null && last.episode.handovers.isEmpty() && !last.first
                    && !change.at().isAfter(last.end.plus(lateCallbacks).plus(assignmentStep))
                    && !awaitingAction(change.at())) {
                // A member joined with nothing and its partitions follow (KIP-848 assigns in steps): one rebalance.
                // An action since is the start of its own rebalance.
                open = last.episode;
                reopened = last;
            } else {
                open = new Episode(change.at(), currentOwners(), currentMembers());
            }
        }
        Episode episode = open != null ? open : late ? last.episode : null;
        if (change.takesAway()) {
            takeAway(change, member, ours, episode);
        } else {
            give(change, member, ours, episode);
        }
        if (open != null && settled()) {
            if (reopened != null) {
                reopened.end = change.at();
                reopened.generation = Math.max(reopened.generation, open.generation);
                reopened.refresh(currentOwners(), currentMembers());
                settledOwners = currentOwners();
                settledMembers = currentMembers();
                reopened = null;
            } else {
                close(open, change.at());
            }
            open = null;
        } else if (late) {
            last.refresh(currentOwners(), currentMembers());
        }
        changed(true);
    }

    public synchronized void processed(ProcessedRange batch) {
        noteTime(batch.lastProcessedAt());
        PartitionTrack partition = track(batch.partition());
        MemberTrack member = member(batch.member());
        member.lastSeen = batch.lastProcessedAt();
        member.rate.add(batch.lastProcessedAt(), batch.count());
        if (partition.owner == null && !partition.everOwned) {
            // The audit began after this partition was assigned (retention, a reader that started late).
            partition.startInterval(batch.member(), batch.firstProcessedAt());
            member.owned.add(batch.partition());
            member.idle = false;
        }
        if (batch.member().equals(partition.owner)) {
            partition.current.records += batch.count();
        }
        partition.lastProcessedBy.merge(batch.member(), batch.lastProcessedAt(), GroupHistory::later);
        boolean pausesChanged = measurePauses(partition, batch);
        countDuplicates(partition, batch);
        partition.processed.add(batch.offsets(), batch.member(), batch.lastProcessedAt());
        activity.add(batch.firstProcessedAt(), batch.lastProcessedAt());
        changed(pausesChanged);
    }

    /** Offsets read from the broker at {@code at}, after every audit entry of the work they commit was applied. */
    public synchronized void offsets(Instant at, Collection<PartitionOffsets> offsets) {
        int highest = offsets.stream().mapToInt(PartitionOffsets::partition).max().orElse(-1);
        partitions(highest + 1);
        for (PartitionOffsets partitionOffsets : offsets) {
            PartitionTrack partition = track(partitionOffsets.partition());
            partition.offsets = partitionOffsets;
            partition.lag.add(at, partitionOffsets.end() - partitionOffsets.committed());
            partition.processed.forgetWhoBefore(partitionOffsets.committed(), at.minus(limits.kept()));
        }
        changed(false);
    }

    /**
     * The group, described at rest at {@code at}, has exactly the members {@code described}. A member that owns
     * nothing and is not among them is gone: Kafka calls no revoke callback for an empty assignment, so an idle
     * member that crashes or leaves says nothing in the audit. One the audit heard from less than
     * {@code lateCallbacks} before the description may have joined after it, and stays.
     */
    public synchronized void described(Instant at, Set<String> described) {
        boolean gone = false;
        for (MemberTrack member : members.values()) {
            if (member.idle && member.owned.isEmpty() && !described.contains(member.name)
                    && member.lastSeen.plus(lateCallbacks).isBefore(at)) {
                member.idle = false;
                gone = true;
            }
        }
        if (gone) {
            changed(true);
        }
    }

    // ---------------------------------------------------------------- output

    /** Every partition has an owner: no rebalance is under way. */
    public synchronized boolean settled() {
        if (partitionCount == 0) {
            return false;
        }
        for (int p = 0; p < partitionCount; p++) {
            if (partitions.get(p).owner == null) {
                return false;
            }
        }
        return true;
    }

    /** Settled, and the members owning or waiting for partitions are exactly {@code expected}. */
    public synchronized boolean settledWith(Collection<String> expected) {
        return settled() && currentMembers().equals(Set.copyOf(expected));
    }

    /** Partition to its current owner; unowned partitions are left out. */
    public synchronized SortedMap<Integer, String> owners() {
        return new TreeMap<>(currentOwners());
    }

    /** Members that own partitions or were last given none (idle), with their records/s. */
    public synchronized List<MemberView> members() {
        List<MemberView> views = new ArrayList<>();
        for (String name : currentMembers()) {
            MemberTrack member = members.get(name);
            views.add(new MemberView(name, List.copyOf(new TreeSet<>(member.owned)), member.rate.perSecond(latest)));
        }
        return views;
    }

    /** Rebalances counted since the history began (more than {@link #rebalances()} keeps). */
    public synchronized int rebalanceCount() {
        return rebalanceCount;
    }

    /** The kept rebalances, oldest first, with the pauses and group stops measured so far. */
    public synchronized List<Rebalance> rebalances() {
        return rebalances.stream().map(this::view).toList();
    }

    /** The kept actions taken on the group from outside, oldest first. */
    public synchronized List<GroupAction> actions() {
        return actions.stream().map(a -> new GroupAction(a.at, a.by, a.what, a.rebalance)).toList();
    }

    public synchronized Optional<Rebalance> lastRebalance() {
        return Optional.ofNullable(rebalances.peekLast()).map(this::view);
    }

    /** Ownership of {@code partition}, oldest first, the current interval last (open: {@code to} null). */
    public synchronized List<OwnershipInterval> ownership(int partition) {
        PartitionTrack track = partitions.get(partition);
        if (track == null) {
            return List.of();
        }
        List<OwnershipInterval> result = new ArrayList<>(track.intervals);
        if (track.current != null) {
            result.add(track.current.view(null));
        }
        return result;
    }

    public synchronized List<LagPoint> lag(int partition) {
        PartitionTrack track = partitions.get(partition);
        return track == null ? List.of() : track.lag.points();
    }

    /** Per partition of the topic: processed, lost (against the last offsets read) and duplicates. */
    public synchronized List<PartitionReport> partitionReports() {
        List<PartitionReport> reports = new ArrayList<>();
        for (int p = 0; p < partitionCount; p++) {
            reports.add(partitions.get(p).report());
        }
        return reports;
    }

    public synchronized Delivery delivery() {
        long processed = 0;
        long lost = 0;
        long duplicates = 0;
        for (PartitionReport report : partitionReports()) {
            processed += report.processed();
            lost += report.lost();
            duplicates += report.duplicates();
        }
        return new Delivery(processed, lost, duplicates);
    }

    public synchronized int partitionCount() {
        return partitionCount;
    }

    /** The time of the latest entry applied. */
    public synchronized Instant latest() {
        return latest;
    }

    /** Goes up with every change of anything this history shows. */
    public synchronized long version() {
        return version;
    }

    /** Goes up when owners, members, rebalances or their pauses change; not for counters, offsets or lag. */
    public synchronized long structureVersion() {
        return structureVersion;
    }

    /** Pieces, intervals and points held, for memory figures. */
    public synchronized long retainedItems() {
        long items = activity.size() + rebalances.size() + actions.size();
        for (PartitionTrack track : partitions.values()) {
            items += track.processed.pieceCount() + track.intervals.size() + track.lag.size()
                    + track.duplicateRanges.size() + track.handedTo.size();
        }
        return items;
    }

    // ---------------------------------------------------------------- assignment changes

    private boolean startsSomething(AssignmentChange change, MemberTrack member, List<Integer> ours) {
        if (change.takesAway()) {
            return ours.stream().anyMatch(p -> member.name.equals(partitions.get(p).owner));
        }
        boolean newMember = !currentMembers().contains(member.name);
        boolean newPartitions = ours.stream().anyMatch(p -> !member.name.equals(partitions.get(p).owner));
        boolean newGeneration = member.generation >= 0 && change.generation() > member.generation;
        return newMember || newPartitions || newGeneration;
    }

    private void takeAway(AssignmentChange change, MemberTrack member, List<Integer> ours, Episode episode) {
        for (int p : ours) {
            PartitionTrack partition = partitions.get(p);
            if (member.name.equals(partition.owner)) {
                partition.endInterval(change.at(), limits.kept());
                member.owned.remove(p);
            }
        }
        member.idle = false;
        if (episode != null) {
            episode.participants.add(member.name);
            (change.kind() == AssignmentChange.Kind.LOST ? episode.lost : episode.revoked).add(member.name);
            episode.givenUp.computeIfAbsent(member.name, m -> new HashSet<>()).addAll(ours);
        }
    }

    private void give(AssignmentChange change, MemberTrack member, List<Integer> ours, Episode episode) {
        if (episode != null) {
            episode.participants.add(member.name);
            episode.assigned.add(member.name);
            episode.generation = Math.max(episode.generation, change.generation());
            if (member.generation >= 0 && change.generation() > member.generation) {
                episode.generationAdvanced = true;
            }
        }
        member.generation = Math.max(member.generation, change.generation());
        member.idle = member.owned.isEmpty() && ours.isEmpty();
        for (int p : ours) {
            PartitionTrack partition = partitions.get(p);
            if (member.name.equals(partition.owner)) {
                continue;
            }
            if (partition.owner != null) {
                // Given to another member before its owner's own revoke (a crash, or that revoke not read yet).
                members.get(partition.owner).owned.remove(p);
                partition.endInterval(change.at(), limits.kept());
            }
            partition.startInterval(member.name, change.at());
            member.owned.add(p);
            if (episode != null) {
                String from = episode.ownersBefore.get(p);
                Instant fromLast = from == null ? null : partition.lastProcessedBy.get(from);
                episode.handovers.put(p, new HandoverTrack(p, from, member.name, change.at(), fromLast));
                partition.handedTo.addLast(new HandedTo(episode, member.name, change.at()));
                while (partition.handedTo.size() > limits.keptRebalances()) {
                    partition.handedTo.removeFirst();
                }
            }
        }
    }

    private void close(Episode episode, Instant at) {
        Map<Integer, String> owners = currentOwners();
        Set<String> membersNow = currentMembers();
        boolean ownersChanged = !owners.equals(episode.ownersBefore);
        boolean membersChanged = !membersNow.equals(episode.membersBefore);
        boolean first = settledOwners == null;
        settledOwners = owners;
        settledMembers = membersNow;
        RebalanceTrack previous = rebalances.peekLast();
        boolean newGeneration = episode.generationAdvanced
                && (previous == null || episode.generation > previous.generation);
        if (!(first || ownersChanged || membersChanged || newGeneration
                || episode.participants.size() > 1 || episode.causes.contains(RebalanceCause.PARTITIONS))) {
            return;   // e.g. a static member restarted within its session timeout
        }
        episode.number = ++rebalanceCount;
        RebalanceTrack rebalance = new RebalanceTrack(episode.number, episode, at);
        rebalance.refresh(owners, membersNow);
        if (expectation != null && !episode.start.isAfter(expectation.until)) {
            rebalance.expected = expectation.cause;
            expectation.action.rebalance = rebalance.number;
            expectation = null;
        }
        rebalances.addLast(rebalance);
        while (rebalances.size() > limits.keptRebalances()) {
            rebalances.removeFirst();
        }
    }

    // ---------------------------------------------------------------- batches

    /** Pauses of handovers waiting for this batch: the old owner's last record before, the new one's first after. */
    private boolean measurePauses(PartitionTrack partition, ProcessedRange batch) {
        boolean measured = false;
        for (HandoverTrack handover : pendingHandovers(partition.partition)) {
            if (batch.member().equals(handover.from) && !batch.lastProcessedAt().isAfter(handover.handedAt)) {
                handover.fromLast = later(handover.fromLast, batch.lastProcessedAt());
            }
            if (batch.member().equals(handover.to) && handover.firstByNew == null
                    && !batch.firstProcessedAt().isBefore(handover.handedAt)) {
                handover.firstByNew = batch.firstProcessedAt();
                measured = true;
            }
        }
        return measured;
    }

    private List<HandoverTrack> pendingHandovers(int partition) {
        List<HandoverTrack> pending = new ArrayList<>();
        if (open != null) {
            HandoverTrack handover = open.handovers.get(partition);
            if (handover != null && handover.firstByNew == null) {
                pending.add(handover);
            }
        }
        for (RebalanceTrack rebalance : rebalances) {
            HandoverTrack handover = rebalance.episode.handovers.get(partition);
            if (handover != null && handover.firstByNew == null && handover.to != null) {
                pending.add(handover);
            }
        }
        return pending;
    }

    private void countDuplicates(PartitionTrack partition, ProcessedRange batch) {
        for (ProcessedOffsets.Piece earlier : partition.processed.overlaps(batch.offsets())) {
            Integer cause = partition.handedBetween(batch.member(), earlier.processedAt(), batch.firstProcessedAt());
            partition.addDuplicate(new DuplicateRange(earlier.offsets(), earlier.member(), batch.member(), cause));
        }
    }

    // ---------------------------------------------------------------- helpers

    private Rebalance view(RebalanceTrack rebalance) {
        List<Handover> handovers = rebalance.episode.handovers.values().stream()
                .sorted(Comparator.comparingInt(h -> h.partition))
                .map(HandoverTrack::view)
                .collect(Collectors.toCollection(ArrayList::new));
        if (!rebalance.end.isBefore(latest.minus(GROUP_STOP_SETTLES))) {
            // Batches of other members may still arrive and fill what looks like a stop.
            rebalance.groupStopMs = activity.longestStop(rebalance.episode.start, rebalance.end);
        }
        return new Rebalance(rebalance.number, rebalance.episode.start, rebalance.end, rebalance.eager(), handovers,
                rebalance.groupStopMs, rebalance.cause());
    }

    private Map<Integer, String> currentOwners() {
        Map<Integer, String> owners = new TreeMap<>();
        partitions.forEach((p, track) -> {
            if (track.owner != null) {
                owners.put(p, track.owner);
            }
        });
        return owners;
    }

    private Set<String> currentMembers() {
        Set<String> result = new TreeSet<>();
        members.forEach((name, member) -> {
            if (!member.owned.isEmpty() || member.idle) {
                result.add(name);
            }
        });
        return result;
    }

    private PartitionTrack track(int partition) {
        return partitions.computeIfAbsent(partition, p -> new PartitionTrack(p, new LagSeries(limits.lagFineStep(),
                limits.lagFineWindow(), limits.lagCoarseStep(), limits.lagCoarseWindow())));
    }

    private MemberTrack member(String name) {
        return members.computeIfAbsent(name, MemberTrack::new);
    }

    private void noteTime(Instant at) {
        if (at.isAfter(latest)) {
            latest = at;
        }
    }

    /** An action's expectation is waiting for the rebalance it causes. */
    private boolean awaitingAction(Instant at) {
        return expectation != null && !at.isAfter(expectation.until);
    }

    private void changed(boolean structure) {
        version++;
        if (structure) {
            structureVersion++;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    // ---------------------------------------------------------------- state

    /** @param action what was done that will cause it */
    private record Expectation(RebalanceCause cause, Instant until, ActionTrack action) {
    }

    private static final class ActionTrack {
        final Instant at;
        final String by;
        final String what;
        Integer rebalance;

        ActionTrack(Instant at, String by, String what) {
            this.at = at;
            this.by = by;
            this.what = what;
        }
    }

    /** A partition given to {@code member} in {@code episode} (its number is 0 unless it counted as a rebalance). */
    private record HandedTo(Episode episode, String member, Instant at) {
    }

    /** From the first change after a settled moment until the next settled moment. */
    private static final class Episode {
        final Instant start;
        final Map<Integer, String> ownersBefore;
        final Set<String> membersBefore;
        final Set<String> participants = new HashSet<>();
        final Set<String> assigned = new HashSet<>();
        final Set<String> revoked = new HashSet<>();
        final Set<String> lost = new HashSet<>();
        final Map<String, Set<Integer>> givenUp = new HashMap<>();
        final Map<Integer, HandoverTrack> handovers = new LinkedHashMap<>();
        final EnumSet<RebalanceCause> causes = EnumSet.noneOf(RebalanceCause.class);
        int generation = -1;
        boolean generationAdvanced;
        int number;

        Episode(Instant start, Map<Integer, String> ownersBefore, Set<String> membersBefore) {
            this.start = start;
            this.ownersBefore = Map.copyOf(ownersBefore);
            this.membersBefore = Set.copyOf(membersBefore);
        }
    }

    private static final class RebalanceTrack {
        final int number;
        final Episode episode;
        Instant end;
        int generation;
        final boolean first;
        Map<Integer, String> ownersAfter = Map.of();
        Set<String> membersAfter = Set.of();
        RebalanceCause expected;
        Long groupStopMs;

        RebalanceTrack(int number, Episode episode, Instant end) {
            this.number = number;
            this.episode = episode;
            this.end = end;
            this.generation = episode.generation;
            this.first = episode.ownersBefore.isEmpty() && episode.membersBefore.isEmpty();
        }

        void refresh(Map<Integer, String> owners, Set<String> membersNow) {
            ownersAfter = Map.copyOf(owners);
            membersAfter = Set.copyOf(membersNow);
        }

        boolean eager() {
            Map<String, Set<Integer>> ownedBefore = new HashMap<>();
            episode.ownersBefore.forEach((p, m) -> ownedBefore.computeIfAbsent(m, x -> new HashSet<>()).add(p));
            List<String> takingPart = episode.assigned.stream().filter(ownedBefore::containsKey).toList();
            return !takingPart.isEmpty() && takingPart.stream().allMatch(member ->
                    episode.givenUp.getOrDefault(member, Set.of()).containsAll(ownedBefore.get(member)));
        }

        /** "join", "leave", "crash", "join+leave", ... in a fixed order. */
        String cause() {
            if (expected != null) {
                return expected.label();
            }
            if (first) {
                return RebalanceCause.START.label();
            }
            EnumSet<RebalanceCause> causes = EnumSet.copyOf(episode.causes.isEmpty()
                    ? EnumSet.of(RebalanceCause.UNKNOWN) : episode.causes);
            causes.remove(RebalanceCause.UNKNOWN);
            for (String member : membersAfter) {
                if (!episode.membersBefore.contains(member)) {
                    causes.add(RebalanceCause.JOIN);
                }
            }
            for (String member : episode.membersBefore) {
                if (!membersAfter.contains(member)) {
                    causes.add(episode.lost.contains(member) ? RebalanceCause.LOST
                            : episode.revoked.contains(member) ? RebalanceCause.LEAVE
                            : episode.ownersBefore.containsValue(member) ? RebalanceCause.CRASH
                            : RebalanceCause.LEAVE);
                }
            }
            if (causes.isEmpty()) {
                causes.add(RebalanceCause.UNKNOWN);
            }
            return causes.stream().map(RebalanceCause::label).collect(Collectors.joining("+"));
        }
    }

    private static final class HandoverTrack {
        final int partition;
        final String from;
        final String to;
        final Instant handedAt;
        Instant fromLast;
        Instant firstByNew;

        HandoverTrack(int partition, String from, String to, Instant handedAt, Instant fromLast) {
            this.partition = partition;
            this.from = from;
            this.to = to;
            this.handedAt = handedAt;
            this.fromLast = fromLast != null && !fromLast.isAfter(handedAt) ? fromLast : null;
        }

        Handover view() {
            Long pause = from == null || to == null || fromLast == null || firstByNew == null
                    ? null : Duration.between(fromLast, firstByNew).toMillis();
            return new Handover(partition, from, to, pause);
        }
    }

    private static final class MemberTrack {
        final String name;
        final Set<Integer> owned = new TreeSet<>();
        final RateWindow rate = new RateWindow(RATE_WINDOW);
        int generation = -1;
        boolean idle;
        Instant lastSeen;

        MemberTrack(String name) {
            this.name = name;
        }
    }

    private static final class CurrentInterval {
        final int partition;
        final String owner;
        final Instant from;
        long records;

        CurrentInterval(int partition, String owner, Instant from) {
            this.partition = partition;
            this.owner = owner;
            this.from = from;
        }

        OwnershipInterval view(Instant to) {
            return new OwnershipInterval(partition, owner, from, to, records);
        }
    }

    private static final class PartitionTrack {
        final int partition;
        final LagSeries lag;
        final Deque<OwnershipInterval> intervals = new ArrayDeque<>();
        final Map<String, Instant> lastProcessedBy = new HashMap<>();
        final ProcessedOffsets processed = new ProcessedOffsets();
        final Deque<HandedTo> handedTo = new ArrayDeque<>();
        final List<DuplicateRange> duplicateRanges = new ArrayList<>();
        String owner;
        boolean everOwned;
        CurrentInterval current;
        PartitionOffsets offsets;

        PartitionTrack(int partition, LagSeries lag) {
            this.partition = partition;
            this.lag = lag;
        }

        void startInterval(String member, Instant at) {
            owner = member;
            everOwned = true;
            current = new CurrentInterval(partition, member, at);
        }

        void endInterval(Instant at, Duration kept) {
            if (current != null) {
                intervals.addLast(new OwnershipInterval(partition, current.owner, current.from, at, current.records));
            }
            owner = null;
            current = null;
            while (!intervals.isEmpty() && intervals.peekFirst().to().isBefore(at.minus(kept))) {
                intervals.removeFirst();
            }
        }

        /** The latest rebalance that handed this partition to {@code member} after {@code after}, not after {@code notAfter}. */
        Integer handedBetween(String member, Instant after, Instant notAfter) {
            Integer found = null;
            for (HandedTo hand : handedTo) {
                if (hand.member().equals(member) && hand.at().isAfter(after) && !hand.at().isAfter(notAfter)) {
                    found = hand.episode().number == 0 ? found : Integer.valueOf(hand.episode().number);
                }
            }
            return found;
        }

        /** Joins a duplicate range to the previous one when it continues it with the same members and cause. */
        void addDuplicate(DuplicateRange next) {
            if (!duplicateRanges.isEmpty()) {
                DuplicateRange last = duplicateRanges.get(duplicateRanges.size() - 1);
                if (last.offsets().last() + 1 == next.offsets().first() && last.firstBy().equals(next.firstBy())
                        && last.againBy().equals(next.againBy()) && Objects.equals(last.rebalance(), next.rebalance())) {
                    duplicateRanges.set(duplicateRanges.size() - 1, new DuplicateRange(
                            new OffsetRange(last.offsets().first(), next.offsets().last()), last.firstBy(),
                            last.againBy(), last.rebalance()));
                    return;
                }
            }
            duplicateRanges.add(next);
        }

        PartitionReport report() {
            long start = offsets == null ? 0 : offsets.start();
            long committed = offsets == null ? 0 : offsets.committed();
            long end = offsets == null ? 0 : offsets.end();
            return new PartitionReport(partition, start, committed, end, processed.size(),
                    processed.gaps(start, committed), duplicateRanges);
        }
    }

    /** Records processed per member over a short window, in one-second buckets. */
    private static final class RateWindow {
        private final long windowMs;
        private final ArrayDeque<long[]> buckets = new ArrayDeque<>();

        RateWindow(Duration window) {
            this.windowMs = window.toMillis();
        }

        void add(Instant at, long records) {
            long second = at.toEpochMilli() / 1000;
            long[] last = buckets.peekLast();
            if (last != null && last[0] == second) {
                last[1] += records;
            } else if (last == null || second > last[0]) {
                buckets.addLast(new long[] {second, records});
            }
            while (buckets.size() > windowMs / 1000 + 1) {
                buckets.removeFirst();
            }
        }

        double perSecond(Instant now) {
            long from = (now.toEpochMilli() - windowMs) / 1000;
            long sum = buckets.stream().filter(b -> b[0] > from).mapToLong(b -> b[1]).sum();
            return sum * 1000.0 / windowMs;
        }
    }

    /**
     * When the group processed anything, over the last {@code window}: for the longest stretch in which no member
     * processed a record during a rebalance.
     */
    private static final class Activity {
        private final Duration window;
        private final TreeMap<Instant, Instant> busy = new TreeMap<>();   // first processed -> last processed

        Activity(Duration window) {
            this.window = window;
        }

        void add(Instant first, Instant last) {
            busy.merge(first, last, GroupHistory::later);
            Instant horizon = busy.lastKey().minus(window).minus(window);
            while (!busy.isEmpty() && busy.firstKey().isBefore(horizon)) {
                busy.pollFirstEntry();
            }
        }

        int size() {
            return busy.size();
        }

        /**
         * The longest stretch without processing that overlaps {@code [start, end]}: from the moment everything
         * before it had finished to the next batch's start. Null when processing has not resumed since.
         */
        Long longestStop(Instant start, Instant end) {
            Instant busyUntil = null;
            Long longest = null;
            for (Map.Entry<Instant, Instant> batch : busy.entrySet()) {
                if (busyUntil != null && batch.getKey().isAfter(busyUntil)
                        && !batch.getKey().isBefore(start) && !busyUntil.isAfter(end)) {
                    long idle = Duration.between(busyUntil, batch.getKey()).toMillis();
                    longest = longest == null ? idle : Math.max(longest, idle);
                }
                busyUntil = later(busyUntil, batch.getValue());
            }
            return longest;
        }
    }
}

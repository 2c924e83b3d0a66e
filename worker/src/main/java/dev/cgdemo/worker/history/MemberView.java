package dev.cgdemo.worker.history;

import java.util.List;

/**
 * A member as the audit shows it: the partitions it owns now (empty for an idle member) and the records it processed
 * per second over the last {@link GroupHistory#RATE_WINDOW}.
 */
public record MemberView(String member, List<Integer> partitions, double recordsPerSecond) {

    public MemberView {
        partitions = List.copyOf(partitions);
    }
}

package dev.cgdemo.lab.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class GroupSnapshotTest {

    private static GroupSnapshot snapshot(String state, boolean reconciled, Map<String, List<Integer>> members) {
        TreeMap<String, SortedSet<Integer>> owned = new TreeMap<>();
        members.forEach((client, partitions) -> owned.put(client, new TreeSet<>(partitions)));
        return new GroupSnapshot(Instant.EPOCH, state, "classic", List.of(), owned, reconciled);
    }

    @Test
    void settledMeansStableReconciledAndEveryPartitionOwned() {
        var all = snapshot("Stable", true, Map.of("consumer-1", List.of(0, 1), "consumer-3", List.of(2)));
        assertThat(all.settled(3)).isTrue();
        assertThat(all.settledWith(List.of("consumer-1", "consumer-3"), 3)).isTrue();
        assertThat(all.settledWith(List.of("consumer-1", "consumer-2", "consumer-3"), 3)).as("consumer-2 not back yet").isFalse();
        assertThat(all.ownershipText()).isEqualTo("consumer-1=[0, 1] consumer-3=[2]");
        assertThat(all.owners()).containsExactly(Map.entry(0, "consumer-1"), Map.entry(1, "consumer-1"), Map.entry(2, "consumer-3"));

        assertThat(snapshot("PreparingRebalance", true, Map.of("consumer-1", List.of(0, 1, 2))).settled(3)).isFalse();
        assertThat(snapshot("Stable", false, Map.of("consumer-1", List.of(0, 1, 2))).settled(3)).as("still reconciling").isFalse();
        assertThat(snapshot("Stable", true, Map.of("consumer-1", List.of(0, 1))).settled(3)).as("partition 2 unowned").isFalse();
    }

    @Test
    void anIdleMemberCountsAsAMember() {
        var withIdle = snapshot("Stable", true, Map.of("consumer-1", List.of(0, 1, 2), "consumer-4", List.of()));
        assertThat(withIdle.settledWith(List.of("consumer-1", "consumer-4"), 3)).isTrue();
        assertThat(withIdle.ownershipText()).isEqualTo("consumer-1=[0, 1, 2] consumer-4=[]");
    }

    @Test
    void lagNeverGoesBelowZeroAndCountsEverythingBeforeTheFirstCommit() {
        assertThat(new PartitionRow(0, OptionalLong.of(12), 10, "c").lag()).isZero();
        assertThat(new PartitionRow(0, OptionalLong.empty(), 10, "-").lag()).isEqualTo(10);
        assertThat(new PartitionRow(0, OptionalLong.of(7), 10, "c").lag()).isEqualTo(3);
    }
}

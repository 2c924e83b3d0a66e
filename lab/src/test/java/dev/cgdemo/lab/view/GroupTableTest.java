package dev.cgdemo.lab.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.cgdemo.worker.history.MemberView;
import dev.cgdemo.worker.watch.GroupSnapshot;
import dev.cgdemo.worker.watch.PartitionRow;

class GroupTableTest {

    private static final Instant AT = Instant.parse("2026-01-05T06:43:04Z");
    private static final String TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()).format(AT);

    private static GroupSnapshot described(Map<String, List<Integer>> members, List<PartitionRow> rows) {
        TreeMap<String, SortedSet<Integer>> owned = new TreeMap<>();
        members.forEach((client, partitions) -> owned.put(client, new TreeSet<>(partitions)));
        return new GroupSnapshot(AT, "web-events-group", "web-events-partitioned", "Stable", "classic", 4, owned,
                true, rows, null);
    }

    @Test
    void rendersTheDescribeTableWithTheOwnersItIsGiven() {
        GroupSnapshot snapshot = described(Map.of("consumer-1", List.of(1), "consumer-3", List.of(0, 2)), List.of(
                new PartitionRow(0, "consumer-3", 55L, 0, 55),
                new PartitionRow(1, "consumer-1", 95L, 0, 96),
                new PartitionRow(2, null, null, 0, 150)));

        // Partition 2 was revoked from consumer-3 in the history and nobody has it yet.
        String table = GroupTable.render(snapshot, Map.of(0, "consumer-3", 1, "consumer-1"));

        assertThat(table.lines()).containsExactly(
                TIME + "  GROUP web-events-group  STATE Stable  PROTOCOL classic  MEMBERS 2  TOTAL-LAG 151",
                "TOPIC                    PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG    CLIENT-ID",
                "web-events-partitioned   0         55             55             0      consumer-3",
                "web-events-partitioned   1         95             96             1      consumer-1",
                "web-events-partitioned   2         -              150            150    -");
    }

    @Test
    void aGroupNotYetCreatedHasNoProtocolAndAnUnreadableOneSaysWhy() {
        GroupSnapshot noGroup = new GroupSnapshot(AT, "g", "t", GroupSnapshot.NO_GROUP_YET, null, null, new TreeMap<>(),
                true, List.of(new PartitionRow(0, null, null, 0, 3)), null);
        assertThat(GroupTable.render(noGroup, noGroup.owners()).lines().findFirst())
                .contains(TIME + "  GROUP g  STATE NoGroupYet  PROTOCOL -  MEMBERS 0  TOTAL-LAG 3");

        GroupSnapshot unavailable = GroupSnapshot.unavailable(AT, "g", "t", "no answer from Kafka in 8 s");
        assertThat(GroupTable.render(unavailable, Map.of()))
                .isEqualTo(TIME + "  GROUP g  UNAVAILABLE: no answer from Kafka in 8 s" + System.lineSeparator());
    }

    @Test
    void ownershipTextListsEveryMemberIdleOnesIncluded() {
        assertThat(OwnershipText.of(List.of(new MemberView("consumer-1", List.of(0, 1), 2.0),
                new MemberView("consumer-4", List.of(), 0.0))))
                .isEqualTo("consumer-1=[0, 1] consumer-4=[]");
        assertThat(OwnershipText.of(List.of())).isEqualTo("(no members)");
    }
}

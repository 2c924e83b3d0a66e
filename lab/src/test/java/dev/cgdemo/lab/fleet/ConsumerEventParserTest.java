package dev.cgdemo.lab.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cgdemo.lab.fleet.ConsumerEvent.AssignmentChanged;
import dev.cgdemo.lab.fleet.ConsumerEvent.Kind;
import dev.cgdemo.lab.fleet.ConsumerEvent.PartitionRange;
import dev.cgdemo.lab.fleet.ConsumerEvent.RecordsConsumed;
import dev.cgdemo.lab.fleet.ConsumerEvent.ShutdownComplete;

/** The worker's {@code --events json} lines (worker/README.md), as the lab reads them. */
class ConsumerEventParserTest {
    private final ConsumerEventParser parser = new ConsumerEventParser();

    @Test
    void recordsConsumedKeepsEachPartitionsOffsetRange() {
        String line = "{\"timestamp\":1764050000000,\"name\":\"records_consumed\",\"consumerId\":\"consumer-1\",\"count\":5,"
                + "\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"count\":3,\"minOffset\":17,\"maxOffset\":19},"
                + "{\"topic\":\"t\",\"partition\":2,\"count\":2,\"minOffset\":4,\"maxOffset\":5}]}";

        assertThat(parser.parse("consumer-1", line)).contains(new RecordsConsumed("consumer-1", List.of(
                new PartitionRange(0, 17, 19, 3), new PartitionRange(2, 4, 5, 2))));
    }

    @Test
    void assignmentChangesAndShutdown() {
        assertThat(parser.parse("c", "{\"name\":\"partitions_assigned\",\"consumerId\":\"c\",\"partitions\":[{\"topic\":\"t\",\"partition\":1}],"
                + "\"owned\":[{\"topic\":\"t\",\"partition\":0},{\"topic\":\"t\",\"partition\":1}]}"))
                .contains(new AssignmentChanged("c", Kind.ASSIGNED, List.of(1)));
        assertThat(parser.parse("c", "{\"name\":\"partitions_revoked\",\"partitions\":[{\"topic\":\"t\",\"partition\":2}],\"owned\":[]}"))
                .contains(new AssignmentChanged("c", Kind.REVOKED, List.of(2)));
        assertThat(parser.parse("c", "{\"name\":\"partitions_lost\",\"partitions\":[],\"owned\":[]}"))
                .contains(new AssignmentChanged("c", Kind.LOST, List.of()));
        assertThat(parser.parse("c", "{\"name\":\"shutdown_complete\",\"consumerId\":\"c\"}"))
                .contains(new ShutdownComplete("c"));
    }

    @Test
    void otherLinesAreNotEvents() {
        assertThat(parser.parse("c", "[consumer-2] p1 @17 user-7 page_view /products/3")).isEmpty();
        assertThat(parser.parse("c", "{not json")).contains(new ConsumerEvent.Unreadable("c", "{not json"));
        assertThat(parser.parse("c", "{\"name\":\"offsets_committed\",\"offsets\":[],\"success\":true}")).isEmpty();
    }
}

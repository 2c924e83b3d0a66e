package dev.cgdemo.lab.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cgdemo.lab.fleet.ConsumerEvent.AssignmentChanged;
import dev.cgdemo.lab.fleet.ConsumerEvent.Kind;
import dev.cgdemo.lab.fleet.ConsumerEvent.PartitionRange;
import dev.cgdemo.lab.fleet.ConsumerEvent.RecordsConsumed;
import dev.cgdemo.lab.fleet.ConsumerEvent.ShutdownComplete;

/** Reads the JSON event lines a worker prints with {@code --events json}; other lines are not events. */
public final class ConsumerEventParser {
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param consumerId the process the line came from (events may not repeat it)
     * @return the event, {@link ConsumerEvent.Unreadable} for broken JSON, or empty for a line that is not a JSON event the lab uses
     */
    public Optional<ConsumerEvent> parse(String consumerId, String line) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = mapper.readTree(trimmed);
        } catch (JsonProcessingException e) {
            return Optional.of(new ConsumerEvent.Unreadable(consumerId, trimmed));
        }
        String name = node.path("name").asText(node.path("event").asText(""));
        return switch (name) {
            case "records_consumed" -> Optional.of(new RecordsConsumed(consumerId, ranges(node.path("partitions"))));
            case "partitions_assigned" -> Optional.of(new AssignmentChanged(consumerId, Kind.ASSIGNED, partitions(node.path("partitions"))));
            case "partitions_revoked" -> Optional.of(new AssignmentChanged(consumerId, Kind.REVOKED, partitions(node.path("partitions"))));
            case "partitions_lost" -> Optional.of(new AssignmentChanged(consumerId, Kind.LOST, partitions(node.path("partitions"))));
            case "shutdown_complete" -> Optional.of(new ShutdownComplete(consumerId));
            default -> Optional.empty();
        };
    }

    private static List<PartitionRange> ranges(JsonNode array) {
        List<PartitionRange> ranges = new ArrayList<>();
        for (JsonNode item : array) {
            ranges.add(new PartitionRange(item.path("partition").asInt(),
                    item.path("minOffset").asLong(), item.path("maxOffset").asLong(), item.path("count").asLong()));
        }
        return ranges;
    }

    private static List<Integer> partitions(JsonNode array) {
        List<Integer> partitions = new ArrayList<>();
        for (JsonNode item : array) {
            partitions.add(item.isInt() ? item.asInt() : item.path("partition").asInt());
        }
        return partitions;
    }
}

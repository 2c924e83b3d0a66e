package dev.cgdemo.lab.view;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Renders a snapshot the way {@code kafka-consumer-groups --describe} does, plus the group's state. */
public final class GroupTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private GroupTable() {
    }

    public static String render(String group, String topic, GroupSnapshot snapshot) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s  GROUP %s  STATE %s  PROTOCOL %s  MEMBERS %d  TOTAL-LAG %d%n",
                TIME.format(snapshot.time()), group, snapshot.state(), snapshot.protocol(),
                snapshot.members().size(), snapshot.totalLag()));
        out.append(String.format("%-24s %-9s %-14s %-14s %-6s %s%n",
                "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CLIENT-ID"));
        for (PartitionRow row : snapshot.rows()) {
            out.append(String.format("%-24s %-9d %-14s %-14d %-6d %s%n", topic, row.partition(),
                    row.committedOffset().isPresent() ? String.valueOf(row.committedOffset().getAsLong()) : "-",
                    row.logEndOffset(), row.lag(), row.clientId()));
        }
        return out.toString();
    }
}

package dev.cgdemo.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a consumer pod printed into {@link ConsumedOffsets}: the worker's text lines
 * ({@code [web-events-consumer-2] p1 @17 user-7 page_view /products/3}) or its JSON
 * {@code records_consumed} events (per-partition min/max offsets, contiguous).
 */
final class ConsumerLogLines {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern TEXT_RECORD = Pattern.compile("^\\[[^\\]]+\\] p(\\d+) @(\\d+)\\s");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsumerLogLines() {
    }

    static void read(String rawLine, ConsumedOffsets consumed) {
        String line = ANSI.matcher(rawLine).replaceAll("").strip();
        Matcher text = TEXT_RECORD.matcher(line);
        if (text.find()) {
            long offset = Long.parseLong(text.group(2));
            consumed.record(Integer.parseInt(text.group(1)), offset, offset);
            return;
        }
        if (line.startsWith("{") && line.contains("\"records_consumed\"")) {
            try {
                JsonNode event = JSON.readTree(line);
                for (JsonNode batch : event.path("partitions")) {
                    consumed.record(batch.path("partition").asInt(), batch.path("minOffset").asLong(), batch.path("maxOffset").asLong());
                }
            } catch (java.io.IOException notAnEvent) {
                // a line that merely looks like JSON: not ours to count
            }
        }
    }
}

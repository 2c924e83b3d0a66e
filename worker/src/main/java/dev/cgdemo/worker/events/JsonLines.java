package dev.cgdemo.worker.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes one JSON object per line: {@code {"timestamp":<epoch ms>,"name":<event>, ...}}. Thread-safe. */
final class JsonLines {
    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintStream out;
    private final Clock clock;

    JsonLines(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** A new event body with {@code timestamp} and {@code name} filled in; add fields, then {@link #write}. */
    Map<String, Object> event(String name) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("timestamp", clock.millis());
        event.put("name", name);
        return event;
    }

    void write(Map<String, Object> event) {
        String line;
        try {
            line = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.get("name"), e);
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}

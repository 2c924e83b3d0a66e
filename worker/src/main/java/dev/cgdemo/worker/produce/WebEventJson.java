package dev.cgdemo.worker.produce;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** Reads and writes {@link WebEvent} JSON (timestamps as ISO-8601 strings). Thread-safe. */
public final class WebEventJson {
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("repeated-instants").addSerializer(Instant.class, new RepeatedInstantSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    // bound to the type once: the mapper would look the serializer up again for every event
    private final ObjectWriter writer = mapper.writerFor(WebEvent.class);

    public String write(WebEvent event) {
        try {
            return writer.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event, e);
        }
    }

    /** The same JSON as {@link #write}, as UTF-8: what the producer sends. */
    public byte[] writeBytes(WebEvent event) {
        try {
            return writer.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event, e);
        }
    }

    /** Empty when the text is not a web event (another producer wrote to the topic, say). */
    public Optional<WebEvent> read(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(json, WebEvent.class));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * ISO-8601 like {@code Instant.toString()} (and Jackson's own), formatted once per instant: a fast producer stamps
     * hundreds of events in a row with the same millisecond, and formatting each was a fifth of its sending thread.
     */
    private static final class RepeatedInstantSerializer extends StdSerializer<Instant> {
        private record Formatted(Instant instant, String text) {
        }

        private volatile Formatted last = new Formatted(Instant.EPOCH, Instant.EPOCH.toString());

        RepeatedInstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            Formatted formatted = last;
            if (!formatted.instant().equals(value)) {
                formatted = new Formatted(value, value.toString());
                last = formatted;
            }
            generator.writeString(formatted.text());
        }
    }
}

package dev.cgdemo.worker.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** Reads and writes {@link AuditEntry} lines; timestamps as ISO-8601 instants. */
public final class AuditJson {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public String write(AuditEntry entry) {
        try {
            return mapper.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when {@code json} is not an audit entry */
    public AuditEntry read(String json) {
        try {
            AuditEntry entry = mapper.readValue(json, AuditEntry.class);
            if (entry.type() == null || entry.member() == null) {
                throw new IllegalArgumentException("not an audit entry (no type or member): " + json);
            }
            return entry;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an audit entry: " + e.getOriginalMessage(), e);
        }
    }
}

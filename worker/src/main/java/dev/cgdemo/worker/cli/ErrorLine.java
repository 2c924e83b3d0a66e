package dev.cgdemo.worker.cli;

import java.util.ArrayList;
import java.util.List;

/** One line for an error and its causes: each cause's message once, joined with ": ", line breaks flattened. */
final class ErrorLine {

    private ErrorLine() {
    }

    /**
     * E.g. Kafka's "Failed to create new KafkaAdminClient" with its cause "Invalid value abc for configuration
     * request.timeout.ms: Not a number of type INT" becomes both, so the line names the setting at fault.
     */
    static String of(Throwable error) {
        List<String> parts = new ArrayList<>();
        String joined = "";
        for (Throwable t = error; t != null && parts.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName()
                    : t.getMessage().replaceAll("\\s*\\R\\s*", " ").trim();
            if (!joined.contains(message)) {
                parts.add(message);
                joined = String.join(": ", parts);
            }
        }
        return joined;
    }
}

package dev.cgdemo.worker.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --property KEY=VALUE} pairs every command takes, as Kafka client settings. */
final class KafkaPropertyValues {

    private KafkaPropertyValues() {
    }

    /**
     * The pairs (none when null), trimmed, in the order given.
     *
     * @throws ParameterException naming {@code --property} when a pair lacks its key or its value
     */
    static Map<String, String> of(Map<String, String> pairs, CommandSpec spec) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (pairs != null) {
            pairs.forEach((key, value) -> {
                if (key.isBlank() || value == null || value.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "Invalid value for option '--property': '" + key
                            + "' must be KEY=VALUE with a non-empty key and value, e.g. request.timeout.ms=10000");
                }
                properties.put(key.trim(), value.trim());
            });
        }
        return properties;
    }
}

package dev.cgdemo.lab;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Parsing and checking of option values shared by the lab's commands. */
final class OptionValues {

    private OptionValues() {
    }

    /** JVM options given as one string, split on whitespace. */
    static List<String> javaOptions(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isBlank()).toList();
    }

    static void requireRange(CommandSpec spec, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw invalid(spec, option, value + " is out of range; allowed: " + min + " to " + max);
        }
    }

    static ParameterException invalid(CommandSpec spec, String option, String reason) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + reason);
    }

    /**
     * @param entries {@code key=value} items; blank items (an unset environment twin) are skipped
     * @throws IllegalArgumentException for an item without {@code =} or with an empty key
     */
    static Map<String, String> keyValues(List<String> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + entry + "' is not key=value");
            }
            map.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
        }
        return map;
    }
}

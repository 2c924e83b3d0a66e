package dev.cgdemo.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsing of repeatable {@code key=value} options. */
final class OptionValues {

    private OptionValues() {
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

package dev.cgdemo.operator.spec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a {@code kafkaProperties} map must look like before Kafka judges its values: no key the worker owns (it
 * sets them itself from the spec or for correctness), and keys and values that survive the pods' environment
 * variable {@code CGDEMO_KAFKA_PROPERTIES} (comma-separated {@code key=value} pairs).
 */
final class KafkaPropertiesShape {

  private KafkaPropertiesShape() {
  }

  static void check(String field, Map<String, String> properties, Set<String> owned, List<String> problems) {
    if (properties == null) {
      return;
    }
    // Sorted, so the same map always gives the same message (the status is written only when it changes).
    new TreeMap<>(properties).forEach((key, value) -> {
      if (owned.contains(key.trim())) {
        problems.add(field + " must not set " + key + ": the worker sets it itself (owned: "
            + String.join(", ", owned.stream().sorted().toList()) + ")");
      } else if (key.isBlank() || !key.equals(key.trim()) || key.contains("=") || key.contains(",")) {
        problems.add(field + " has the key \"" + key + "\": keys must be Kafka setting names, without blanks, '=' or ','");
      } else if (value == null || value.isBlank()) {
        problems.add(field + "." + key + " must have a value; leave the key out for Kafka's default");
      } else if (value.contains(",") || !value.equals(value.trim())) {
        problems.add(field + "." + key + " \"" + value + "\" must not contain ',' or leading or trailing blanks"
            + " (the pods take these settings as comma-separated key=value pairs)");
      }
    });
  }
}

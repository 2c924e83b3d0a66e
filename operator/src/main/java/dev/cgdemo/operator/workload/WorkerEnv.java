package dev.cgdemo.operator.workload;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/** Environment variables the worker reads (each is the twin of one of its flags). */
final class WorkerEnv {

  static final String HTTP_PORT = "8080";
  static final String KAFKA_PROPERTIES = "CGDEMO_KAFKA_PROPERTIES";

  private WorkerEnv() {
  }

  static List<EnvVar> of(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> new EnvVarBuilder().withName(e.getKey()).withValue(e.getValue()).build())
        .toList();
  }

  /**
   * Puts {@code CGDEMO_KAFKA_PROPERTIES} (the worker's {@code --property} pairs, comma-separated {@code key=value})
   * into {@code values} when there are any, so a resource without them keeps the pod template it had.
   */
  static void putKafkaProperties(Map<String, String> values, SortedMap<String, String> properties) {
    if (!properties.isEmpty()) {
      values.put(KAFKA_PROPERTIES, properties.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(",")));
    }
  }

  /** The pod's own name, from the downward API: it becomes the Kafka client id. */
  static EnvVar podName(String variable) {
    return new EnvVarBuilder().withName(variable)
        .withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom()
        .build();
  }
}

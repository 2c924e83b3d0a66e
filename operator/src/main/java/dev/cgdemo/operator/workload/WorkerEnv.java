package dev.cgdemo.operator.workload;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import java.util.Map;

/** Environment variables the worker reads (each is the twin of one of its flags). */
final class WorkerEnv {

  static final String HTTP_PORT = "8080";

  private WorkerEnv() {
  }

  static List<EnvVar> of(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> new EnvVarBuilder().withName(e.getKey()).withValue(e.getValue()).build())
        .toList();
  }

  /** The pod's own name, from the downward API: it becomes the Kafka client id. */
  static EnvVar podName(String variable) {
    return new EnvVarBuilder().withName(variable)
        .withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom()
        .build();
  }
}

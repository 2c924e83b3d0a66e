package dev.cgdemo.operator.workload;

import java.util.Map;
import java.util.stream.Collectors;

/** The labels every child carries (DESIGN.md); the selector labels are the stable subset. */
public final class Labels {

  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String APP_NAME = "consumer-group-demo";
  public static final String OPERATOR = "cgdemo-operator";
  public static final String MANAGED_BY_SELECTOR = MANAGED_BY + "=" + OPERATOR;

  public static final String CONSUMER = "consumer";
  public static final String PRODUCER = "producer";

  private Labels() {
  }

  public static Map<String, String> selector(String instance, String component) {
    return Map.of(NAME, APP_NAME, INSTANCE, instance, COMPONENT, component);
  }

  public static Map<String, String> all(String instance, String component) {
    return Map.of(NAME, APP_NAME, INSTANCE, instance, COMPONENT, component, MANAGED_BY, OPERATOR);
  }

  /** The selector as `kubectl get -l` takes it (the scale subresource's status.selector). */
  public static String selectorString(String instance, String component) {
    return selector(instance, component).entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}

package dev.cgdemo.operator;

import dev.cgdemo.operator.spec.OperatorDefaults;
import java.time.Duration;
import java.util.Set;

/**
 * How the operator runs.
 *
 * @param namespaces namespaces to watch; empty means all
 * @param statusInterval how often each resource's consumer group is described and its offsets read (the audit is
 *     followed as it arrives)
 * @param statusRefresh how often offsets, lag and delivery counts alone are written to the status
 * @param serverSideApply patch status and dependents with server-side apply (a real API server);
 *     false for API servers without it, such as fabric8's mock
 * @param leaderElection hold a Lease so only one of several replicas reconciles
 * @param chaos run spec.chaos (delete consumer pods); without it a resource with spec.chaos is Ready=False
 */
public record OperatorSettings(
    OperatorDefaults defaults,
    Set<String> namespaces,
    Duration statusInterval,
    Duration statusRefresh,
    boolean serverSideApply,
    boolean leaderElection,
    boolean chaos) {

  public static final String LEASE_NAME = "cgdemo-operator";

  /** Without chaos (the chart's default). */
  public OperatorSettings(OperatorDefaults defaults, Set<String> namespaces, Duration statusInterval,
      Duration statusRefresh, boolean serverSideApply, boolean leaderElection) {
    this(defaults, namespaces, statusInterval, statusRefresh, serverSideApply, leaderElection, false);
  }

  public OperatorSettings withChaos(boolean enabled) {
    return new OperatorSettings(defaults, namespaces, statusInterval, statusRefresh, serverSideApply, leaderElection,
        enabled);
  }
}

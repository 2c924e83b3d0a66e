package dev.cgdemo.operator;

import dev.cgdemo.operator.spec.OperatorDefaults;
import java.time.Duration;
import java.util.Set;

/**
 * How the operator runs.
 *
 * @param namespaces namespaces to watch; empty means all
 * @param statusInterval how often each resource's consumer group is read
 * @param serverSideApply patch status and dependents with server-side apply (a real API server);
 *     false for API servers without it, such as fabric8's mock
 * @param leaderElection hold a Lease so only one of several replicas reconciles
 */
public record OperatorSettings(
    OperatorDefaults defaults,
    Set<String> namespaces,
    Duration statusInterval,
    boolean serverSideApply,
    boolean leaderElection) {

  public static final String LEASE_NAME = "cgdemo-operator";
}

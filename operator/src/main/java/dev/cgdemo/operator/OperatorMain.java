package dev.cgdemo.operator;

import dev.cgdemo.operator.http.HealthServer;
import dev.cgdemo.operator.spec.OperatorDefaults;
import dev.cgdemo.operator.ui.OperatorPages;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The operator's command line: kubeconfig or in-cluster config (fabric8 picks whichever is there).
 *
 * <p>Kubernetes API use (the least-privilege ClusterRole is written from this list):
 * <pre>
 * group               resource                    verbs
 * cgdemo.dev          consumergroupdemos          get list watch patch update
 * cgdemo.dev          consumergroupdemos/status   get patch update
 * cgdemo.dev          consumergroupdemos/finalizers update   (OwnerReferencesPermissionEnforcement: blockOwnerDeletion)
 * apps                statefulsets                get list watch create patch update delete
 * apps                deployments                 get list watch create patch update delete
 * "" (core)           services                    get list watch create patch update delete
 * "" (core)           events                      get create patch   (a rebalance's Event is updated when its pauses are measured)
 * "" (core)           pods                        get   (whether a consumer pod a scale-down removed is gone)
 * "" (core)           pods                        delete   (only with --ui-actions: delete-pod checks the labels first)
 * "" (core)           pods                        list delete   (only with --chaos: spec.chaos deletes consumer pods)
 * coordination.k8s.io leases                      get create update   (only with --leader-election)
 * authorization.k8s.io selfsubjectrulesreviews    create   (JOSDK checks its Lease rights first; every
 *                                                          authenticated user has this via system:basic-user)
 * </pre>
 * Consumer pods map to group members through their client id; a pod is only read, by name, when a scale-down
 * leaves a static member of a removed ordinal in the group (it is removed from the group once its pod is gone).
 * The {@code cleanup} subcommand ({@link CleanupCommand}, the chart's pre-delete hook) has its own, smaller list.
 * The page's scale buttons (--ui-actions) patch the resource's spec.consumers.replicas, covered by the first row.
 */
@Command(name = "cgdemo-operator", mixinStandardHelpOptions = true, version = "cgdemo-operator 0.1.0",
    description = "Reconciles ConsumerGroupDemo resources into a Kafka topic, consumers and a producer.",
    subcommands = CleanupCommand.class)
public final class OperatorMain implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-}",
      description = "Kafka bootstrap servers for resources without spec.bootstrapServers (env KAFKA_BOOTSTRAP_SERVERS).")
  private String bootstrapServers;

  @Option(names = "--worker-image", defaultValue = "${env:CGDEMO_WORKER_IMAGE:-cgdemo/worker:0.1.0}",
      description = "Worker image for resources without spec.workerImage (env CGDEMO_WORKER_IMAGE). Default: ${DEFAULT-VALUE}.")
  private String workerImage;

  @Option(names = "--namespaces", defaultValue = "${env:CGDEMO_NAMESPACES:-}",
      description = "Comma-separated namespaces to watch; empty watches all (env CGDEMO_NAMESPACES).")
  private String namespaces;

  @Option(names = "--http-port", defaultValue = "${env:CGDEMO_HTTP_PORT:-8080}",
      description = "Port of /healthz, /readyz, /metrics and the live web view at / (env CGDEMO_HTTP_PORT). Default: ${DEFAULT-VALUE}.")
  private int httpPort;

  @Option(names = "--ui-actions", arity = "0..1", defaultValue = "${env:CGDEMO_UI_ACTIONS:-false}",
      fallbackValue = "true",
      description = "Buttons on the live web view: scale consumers up/down (patches spec.consumers.replicas) and delete a "
          + "consumer pod; needs 'delete' on pods (chart: ui.actions). Off: the pages are read-only and have no write "
          + "endpoints (env CGDEMO_UI_ACTIONS). Default: ${DEFAULT-VALUE}.")
  private boolean uiActions;

  @Option(names = "--status-interval", defaultValue = "${env:CGDEMO_STATUS_INTERVAL:-3s}", converter = DurationConverter.class,
      description = "How often each consumer group is described and its offsets read, e.g. 500ms, 3s; assignment changes "
          + "come from the consumers' audit as they happen (env CGDEMO_STATUS_INTERVAL). Default: ${DEFAULT-VALUE}.")
  private Duration statusInterval;

  @Option(names = "--status-refresh", defaultValue = "${env:CGDEMO_STATUS_REFRESH:-15s}", converter = DurationConverter.class,
      description = "How often offsets, lag and delivery counts alone are written to a resource's status; rebalances "
          + "and state changes are written at once (env CGDEMO_STATUS_REFRESH). Default: ${DEFAULT-VALUE}.")
  private Duration statusRefresh;

  @Option(names = "--leader-election", arity = "0..1", defaultValue = "${env:CGDEMO_LEADER_ELECTION:-false}",
      fallbackValue = "true",
      description = "Hold the Lease '" + OperatorSettings.LEASE_NAME + "' so only one replica reconciles (env CGDEMO_LEADER_ELECTION).")
  private boolean leaderElection;

  @Option(names = "--server-side-apply", arity = "0..1", defaultValue = "${env:CGDEMO_SERVER_SIDE_APPLY:-true}",
      fallbackValue = "true",
      description = "Patch with server-side apply; false for API servers without it (env CGDEMO_SERVER_SIDE_APPLY). Default: ${DEFAULT-VALUE}.")
  private boolean serverSideApply;

  @Option(names = "--chaos", arity = "0..1", defaultValue = "${env:CGDEMO_CHAOS:-false}", fallbackValue = "true",
      description = "Run spec.chaos: delete this resource's consumer pods on its schedule; needs delete on pods "
          + "(the chart's chaos.enabled=true) (env CGDEMO_CHAOS). Default: ${DEFAULT-VALUE}.")
  private boolean chaos;

  public static void main(String[] args) {
    System.exit(new CommandLine(new OperatorMain()).execute(args));
  }

  /** Whether the live view's pages get write buttons (--ui-actions). */
  boolean uiActions() {
    return uiActions;
  }

  /** The settings the options describe; bad values are reported naming the option. */
  OperatorSettings settings() {
    if (httpPort < 0 || httpPort > 65535) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--http-port': " + httpPort + " (allowed: 0 to 65535)");
    }
    if (!workerImage.isBlank() && workerImage.chars().anyMatch(Character::isWhitespace)) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--worker-image': '" + workerImage + "' (an image reference has no spaces)");
    }
    Set<String> watched = Arrays.stream(namespaces.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
    String bootstrap = bootstrapServers.isBlank() ? null : bootstrapServers.trim();
    return new OperatorSettings(new OperatorDefaults(bootstrap, workerImage.trim()), watched, statusInterval,
        statusRefresh, serverSideApply, leaderElection, chaos);
  }

  @Override
  public Integer call() throws Exception {
    OperatorSettings settings = settings();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    AtomicReference<CgdemoOperator> running = new AtomicReference<>();
    KubernetesClient client = new KubernetesClientBuilder().build();
    OperatorPages pages = new OperatorPages(client, uiActions);
    HealthServer health = HealthServer.start(httpPort, () -> running.get() == null ? null : running.get().runtimeInfo(),
        registry, pages);
    CgdemoOperator operator = CgdemoOperator.start(client, settings, registry, pages);
    running.set(operator);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      operator.close();
      pages.close();
      health.close();
      client.close();
      stopped.countDown();
    }, "cgdemo-operator-shutdown"));
    stopped.await();
    return 0;
  }

}

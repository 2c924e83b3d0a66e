package dev.cgdemo.operator;

import dev.cgdemo.operator.kafka.AdminClients;
import dev.cgdemo.operator.kafka.CreatedTopics;
import dev.cgdemo.operator.reconcile.ConsumerGroupDemoReconciler;
import dev.cgdemo.operator.reconcile.OperatorServices;
import dev.cgdemo.operator.reconcile.ServiceInjectingDependentResourceFactory;
import dev.cgdemo.operator.status.GroupWatchObserver;
import dev.cgdemo.operator.status.GroupWatches;
import dev.cgdemo.worker.watch.GroupWatch;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** The JOSDK operator with the ConsumerGroupDemo controller, wired to one Kubernetes client. */
public final class CgdemoOperator implements AutoCloseable {

  private final Operator operator;
  private final AdminClients<ResourceID> adminClients;
  private final GroupWatches groups;

  private CgdemoOperator(Operator operator, AdminClients<ResourceID> adminClients, GroupWatches groups) {
    this.operator = operator;
    this.adminClients = adminClients;
    this.groups = groups;
  }

  /**
   * Registers the controller and starts it; the client stays open when the operator stops. With
   * leader election, losing the Lease ends the process (JOSDK's default): a restarted pod rejoins
   * the election with fresh caches.
   */
  public static CgdemoOperator start(KubernetesClient client, OperatorSettings settings, MeterRegistry registry) {
    return start(client, settings, registry, true);
  }

  /** As {@link #start(KubernetesClient, OperatorSettings, MeterRegistry)}; tests keep their JVM when leadership ends. */
  static CgdemoOperator start(KubernetesClient client, OperatorSettings settings, MeterRegistry registry,
      boolean exitOnLostLeadership) {
    return start(client, settings, registry, exitOnLostLeadership, GroupWatchObserver.NONE);
  }

  /** As {@link #start(KubernetesClient, OperatorSettings, MeterRegistry)}, with the live web view following the groups. */
  public static CgdemoOperator start(KubernetesClient client, OperatorSettings settings, MeterRegistry registry,
      GroupWatchObserver observer) {
    return start(client, settings, registry, true, observer);
  }

  static CgdemoOperator start(KubernetesClient client, OperatorSettings settings, MeterRegistry registry,
      boolean exitOnLostLeadership, GroupWatchObserver observer) {
    AdminClients<ResourceID> adminClients = AdminClients.withShortTimeouts();
    GroupWatches groups = new GroupWatches(new GroupWatch.Settings(settings.statusInterval(), Duration.ofSeconds(8),
        GroupWatch.Settings.DEFAULT.lateCallbacks()), settings.statusRefresh(), Clock.systemUTC(), observer);
    OperatorServices services = new OperatorServices(settings.defaults(), adminClients, groups, new CreatedTopics());
    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
          .withDependentResourceFactory(new ServiceInjectingDependentResourceFactory(services))
          .withUseSSAToPatchPrimaryResource(settings.serverSideApply())
          .withSSABasedCreateUpdateMatchForDependentResources(settings.serverSideApply());
      if (settings.leaderElection()) {
        o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(OperatorSettings.LEASE_NAME, null,
            LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
            LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
            LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
            null, null, exitOnLostLeadership));
      }
    });
    ConsumerGroupDemoReconciler reconciler = new ConsumerGroupDemoReconciler(services, Clock.systemUTC(), settings.chaos());
    operator.register(reconciler, c -> {
      // Kafka may be away for a while: keep retrying, at most every 30 s, never give up.
      c.withRetry(new GenericRetry().setInitialInterval(1000).setIntervalMultiplier(2).setMaxInterval(30_000)
          .withoutMaxAttempts());
      if (settings.namespaces().isEmpty()) {
        c.watchingAllNamespaces();
      } else {
        c.settingNamespaces(settings.namespaces());
      }
    });
    operator.start();
    return new CgdemoOperator(operator, adminClients, groups);
  }

  public RuntimeInfo runtimeInfo() {
    return operator.getRuntimeInfo();
  }

  /** Bootstrap addresses that have an open Admin client (for tests of client sharing). */
  public Set<String> openKafkaAddresses() {
    return adminClients.openAddresses();
  }

  /** Resources whose group is watched (for tests of the release on deletion). */
  public Set<ResourceID> watchedGroups() {
    return groups.watched();
  }

  @Override
  public void close() {
    operator.stop();
    groups.stop();
    adminClients.close();
  }

}

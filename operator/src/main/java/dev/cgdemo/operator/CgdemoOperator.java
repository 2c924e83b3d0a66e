package dev.cgdemo.operator;

import dev.cgdemo.operator.kafka.AdminClients;
import dev.cgdemo.operator.reconcile.ConsumerGroupDemoReconciler;
import dev.cgdemo.operator.reconcile.OperatorServices;
import dev.cgdemo.operator.reconcile.ServiceInjectingDependentResourceFactory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** The JOSDK operator with the ConsumerGroupDemo controller, wired to one Kubernetes client. */
public final class CgdemoOperator implements AutoCloseable {

  private final Operator operator;
  private final AdminClients<ResourceID> adminClients;

  private CgdemoOperator(Operator operator, AdminClients<ResourceID> adminClients) {
    this.operator = operator;
    this.adminClients = adminClients;
  }

  /** Registers the controller and starts it; the client stays open when the operator stops. */
  public static CgdemoOperator start(KubernetesClient client, OperatorSettings settings, MeterRegistry registry) {
    AdminClients<ResourceID> adminClients = AdminClients.withShortTimeouts();
    OperatorServices services = new OperatorServices(settings.defaults(), adminClients);
    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
          .withDependentResourceFactory(new ServiceInjectingDependentResourceFactory(services))
          .withUseSSAToPatchPrimaryResource(settings.serverSideApply())
          .withSSABasedCreateUpdateMatchForDependentResources(settings.serverSideApply());
      if (settings.leaderElection()) {
        o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(OperatorSettings.LEASE_NAME));
      }
    });
    ConsumerGroupDemoReconciler reconciler =
        new ConsumerGroupDemoReconciler(services, settings.statusInterval(), Clock.systemUTC());
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
    return new CgdemoOperator(operator, adminClients);
  }

  public RuntimeInfo runtimeInfo() {
    return operator.getRuntimeInfo();
  }

  /** Bootstrap addresses that have an open Admin client (for tests of client sharing). */
  public java.util.Set<String> openKafkaAddresses() {
    return adminClients.openAddresses();
  }

  @Override
  public void close() {
    operator.stop();
    adminClients.close();
  }

}

package dev.cgdemo.operator;

import static dev.cgdemo.operator.Demos.WAIT;
import static dev.cgdemo.operator.Demos.create;
import static dev.cgdemo.operator.Demos.demo;
import static dev.cgdemo.operator.Demos.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.operator.spec.OperatorDefaults;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With --leader-election the operator takes the Lease before it reconciles (no broker needed here). */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {

  static KubernetesClient client;
  static KubernetesMockServer server;

  @Test
  void theLeaderHoldsTheLeaseAndReconciles() {
    // JOSDK first asks the API server whether it may use Leases; the mock cannot answer that itself.
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, new SelfSubjectRulesReviewBuilder()
            .withNewStatus().withIncomplete(false)
            .addNewResourceRule().withApiGroups("coordination.k8s.io").withResources("leases")
            .withVerbs("get", "create", "update").endResourceRule()
            .endStatus().build())
        .always();
    OperatorSettings settings = new OperatorSettings(new OperatorDefaults("127.0.0.1:1", Demos.TEST_IMAGE), Set.of(),
        Duration.ofSeconds(1), Duration.ofSeconds(1), false, true);
    try (CgdemoOperator operator = CgdemoOperator.start(client, settings, new SimpleMeterRegistry(), false)) {
      await().atMost(WAIT).untilAsserted(() -> {
        Lease lease = client.leases().inNamespace(client.getNamespace()).withName(OperatorSettings.LEASE_NAME).get();
        assertThat(lease).isNotNull();
        assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
      });
      // Invalid on purpose: the answer needs no broker, only a reconciling leader.
      create(client, demo("led", 0, 1));
      await().atMost(WAIT).until(() -> hasCondition(client, "led", "Ready", "False", "InvalidSpec"));
    }
  }
}

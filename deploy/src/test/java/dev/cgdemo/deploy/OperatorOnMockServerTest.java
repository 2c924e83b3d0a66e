package dev.cgdemo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.operator.CgdemoOperator;
import dev.cgdemo.operator.OperatorSettings;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.spec.OperatorDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * k8s/ applied to fabric8's mock API server (CRUD mode: no controllers, no pods), the operator
 * started in this JVM against it as the Deployment would run it (all namespaces, no leader
 * election; only server-side apply is off, which the mock lacks), a real in-JVM Kafka broker: the
 * sample reconciles into its topic and children, and every request the operator made is granted
 * by the ClusterRole in k8s/.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class OperatorOnMockServerTest {

    private static final String OPERATOR_AGENT = "cgdemo-operator-under-test";

    static KubernetesMockServer server;
    static KubernetesClient client;

    @Test
    void k8sDirectoryAppliedAndTheSampleReconciles(@BrokerCluster(numBrokers = 1) @KRaftCluster KafkaCluster kafka) throws Exception {
        long started = System.nanoTime();
        List<HasMetadata> manifests = TypedObjects.k8sDirectory();
        for (HasMetadata object : manifests) {
            if (object.getKind().equals("ConsumerGroupDemo")) {
                continue;
            }
            client.resource(object).create();
        }
        ConsumerGroupDemo sample = client.getKubernetesSerialization().unmarshal(
                RepoFiles.read(RepoFiles.k8s().resolve("samples/web-events.yaml")), ConsumerGroupDemo.class);
        client.resources(ConsumerGroupDemo.class).inNamespace("default").resource(sample).create();

        KubernetesClient operatorClient = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(OPERATOR_AGENT).build()).build();
        var settings = new OperatorSettings(new OperatorDefaults(kafka.getBootstrapServers(), "cgdemo/worker:0.1.0"),
                Set.of(), Duration.ofMillis(500), Duration.ofSeconds(2), false, false);
        System.out.printf("mock: k8s/ applied after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        try (Admin admin = Admin.create(kafka.getKafkaClientConfiguration());
             CgdemoOperator operator = CgdemoOperator.start(operatorClient, settings, new SimpleMeterRegistry())) {

            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                StatefulSet consumers = client.apps().statefulSets().inNamespace("default").withName("web-events-consumer").get();
                assertThat(consumers.getSpec().getReplicas()).isEqualTo(3);
                assertThat(client.services().inNamespace("default").withName("web-events-consumer").get()).isNotNull();
                assertThat(client.apps().deployments().inNamespace("default").withName("web-events-producer").get()).isNotNull();
                ConsumerGroupDemo reconciled = client.resources(ConsumerGroupDemo.class).inNamespace("default").withName("web-events").get();
                assertThat(reconciled.getStatus().getTopic().getPartitions()).isEqualTo(3);
                assertThat(reconciled.getStatus().getConditions()).anySatisfy(condition -> {
                    assertThat(condition.getType()).isEqualTo("Ready");
                    assertThat(condition.getStatus()).isEqualTo("True");
                });
            });
            assertThat(admin.describeTopics(List.of("web-events-partitioned")).allTopicNames().get(20, TimeUnit.SECONDS)
                    .get("web-events-partitioned").partitions()).hasSize(3);

            System.out.printf("mock: sample reconciled after %d ms%n", (System.nanoTime() - started) / 1_000_000);
            StatefulSet consumers = client.apps().statefulSets().inNamespace("default").withName("web-events-consumer").get();
            Deployment producer = client.apps().deployments().inNamespace("default").withName("web-events-producer").get();
            assertThat(consumers.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("cgdemo/worker:0.1.0");
            for (var workload : List.of(consumers, producer)) {
                assertThat(workload.getMetadata().getOwnerReferences()).singleElement()
                        .satisfies(owner -> assertThat(owner.getName()).isEqualTo("web-events"));
                assertThat(RestrictedPodSecurity.violations(TypedObjects.podSpec(workload).orElseThrow()))
                        .as("Pod Security restricted, %s", TypedObjects.describe(workload)).isEmpty();
            }
        }

        System.out.printf("mock: operator stopped after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Set<String> granted = ClusterRoleRules.of(manifests, "cgdemo-operator");
        Set<String> made = operatorCalls();
        System.out.printf("mock: the operator's API calls (%d ms): %s%n", (System.nanoTime() - started) / 1_000_000, made);
        assertThat(made).as("the operator's requests").contains("cgdemo.dev consumergroupdemos watch", "apps statefulsets create");
        assertThat(granted).as("ClusterRole in k8s/ grants every request the operator made").containsAll(made);
    }

    private static Set<String> operatorCalls() throws InterruptedException {
        Set<String> calls = new TreeSet<>();
        RecordedRequest request;
        while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            if (OPERATOR_AGENT.equals(request.getHeader("User-Agent"))) {
                String method = request.getMethod();
                ApiCall.of(method, request.getPath()).ifPresent(call -> calls.add(call.toString()));
            }
        }
        return calls;
    }
}

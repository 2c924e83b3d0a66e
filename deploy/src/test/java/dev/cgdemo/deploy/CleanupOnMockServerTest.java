package dev.cgdemo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.operator.CgdemoOperator;
import dev.cgdemo.operator.CleanupCommand;
import dev.cgdemo.operator.OperatorSettings;
import dev.cgdemo.operator.cleanup.ReleaseCleanup;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.spec.OperatorDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The uninstall hook on fabric8's mock API server: the chart's sample as `helm install` leaves it (with Helm's
 * release annotations), reconciled by the operator running in this JVM (so it carries the finalizer), and a
 * resource applied by hand; the rendered Job's command deletes the sample only, returns once the operator has let
 * it go, and makes no request the hook's Role does not grant.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class CleanupOnMockServerTest {

    private static final String HOOK_AGENT = "cgdemo-cleanup-under-test";

    static KubernetesMockServer server;
    static KubernetesClient client;

    @Test
    void theHooksCommandDeletesTheReleasesSampleThroughTheOperator(@BrokerCluster(numBrokers = 1) @KRaftCluster KafkaCluster kafka) throws Exception {
        List<HasMetadata> rendered = TypedObjects.toTyped(ChartRenderer.renderObjects(ChartRenderer.sameAsK8sDirectory()));
        TypedObjects.k8sDirectory().stream().filter(o -> o.getKind().equals("CustomResourceDefinition")).forEach(crd -> client.resource(crd).create());
        ConsumerGroupDemo sample = client.getKubernetesSerialization().unmarshal(
                client.getKubernetesSerialization().asYaml(rendered.stream().filter(o -> o.getKind().equals("ConsumerGroupDemo")).findFirst().orElseThrow()),
                ConsumerGroupDemo.class);
        sample.getMetadata().setAnnotations(Map.of(ReleaseCleanup.RELEASE_NAME, ChartRenderer.RELEASE,
                ReleaseCleanup.RELEASE_NAMESPACE, ChartRenderer.NAMESPACE));
        client.resource(sample).create();
        ConsumerGroupDemo byHand = client.getKubernetesSerialization().unmarshal(
                RepoFiles.read(RepoFiles.k8s().resolve("samples/web-events.yaml")), ConsumerGroupDemo.class);
        byHand.getMetadata().setName("applied-by-hand");
        byHand.getSpec().getTopic().setName("applied-by-hand");
        byHand.getSpec().getConsumers().setGroupId("applied-by-hand-group");
        client.resources(ConsumerGroupDemo.class).inNamespace("default").resource(byHand).create();

        var settings = new OperatorSettings(new OperatorDefaults(kafka.getBootstrapServers(), "cgdemo/worker:0.1.0"),
                Set.of(), Duration.ofMillis(500), Duration.ofSeconds(2), false, false);
        try (CgdemoOperator operator = CgdemoOperator.start(client, settings, new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(demos())
                    .allSatisfy(demo -> assertThat(demo.getMetadata().getFinalizers()).isNotEmpty()).hasSize(2));

            List<String> args = UninstallHookTest.job(rendered).getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
            assertThat(args.get(0)).isEqualTo("cleanup");
            int exit = new CommandLine(new CleanupCommand(CleanupOnMockServerTest::hookClient)).execute(args.subList(1, args.size()).toArray(String[]::new));

            assertThat(exit).isZero();
            assertThat(demos()).extracting(demo -> demo.getMetadata().getName()).containsExactly("applied-by-hand");
            assertThat(demos().get(0).getMetadata().getDeletionTimestamp()).isNull();
        }

        Set<String> made = hookCalls();
        System.out.printf("mock: the cleanup command's API calls: %s%n", made);
        assertThat(made).as("the cleanup command's requests").contains("cgdemo.dev consumergroupdemos list", "cgdemo.dev consumergroupdemos delete");
        assertThat(ClusterRoleRules.ofRole(rendered, "default", UninstallHookTest.HOOK)).as("the hook's Role grants every request it made").containsAll(made);
    }

    private static List<ConsumerGroupDemo> demos() {
        return client.resources(ConsumerGroupDemo.class).inNamespace("default").list().getItems();
    }

    private static KubernetesClient hookClient() {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(HOOK_AGENT).build()).build();
    }

    private static Set<String> hookCalls() throws InterruptedException {
        Set<String> calls = new TreeSet<>();
        RecordedRequest request;
        while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            if (HOOK_AGENT.equals(request.getHeader("User-Agent"))) {
                ApiCall.of(request.getMethod(), request.getPath()).ifPresent(call -> calls.add(call.toString()));
            }
        }
        return calls;
    }
}

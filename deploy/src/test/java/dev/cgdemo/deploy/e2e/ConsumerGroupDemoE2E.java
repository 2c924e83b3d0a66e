package dev.cgdemo.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.readiness.Readiness;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The article on a real cluster (whatever KUBECONFIG names): the chart installed with the operator
 * running in the cluster, the sample applied, a consumer pod deleted, the group scaled to 1 and 5,
 * the resource deleted, a resource with spec.chaos (the chart with chaos.enabled), the chart's own sample added by
 * `helm upgrade`, and at the end `helm uninstall`, after which nothing of the release may be left
 * ({@link ReleaseRemoval}). Kafka is read with its own Admin client, consumer pods' logs are followed
 * to prove that no produced record was skipped. Needs the images loaded and a broker that pods and
 * this JVM reach at the same address ({@link E2eSettings}). Steps run in order and share state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsumerGroupDemoE2E {

    static final ResourceDefinitionContext CGD = new ResourceDefinitionContext.Builder()
            .withGroup("cgdemo.dev").withVersion("v1alpha1").withKind("ConsumerGroupDemo").withPlural("consumergroupdemos")
            .withNamespaced(true).build();
    private static final Path REPO = Path.of(System.getProperty("cgdemo.repo.root", "..")).toAbsolutePath().normalize();
    private static final Path TARGET = REPO.resolve("deploy/target");
    static final Path CHART = REPO.resolve("helm/consumer-group-demo");

    private final Map<String, Duration> stepTimes = new LinkedHashMap<>();
    private final ConsumedOffsets consumed = new ConsumedOffsets();
    private E2eSettings settings;
    private KubernetesClient client;
    private GenericKubernetesResource sample;
    private GenericKubernetesResource chaos;
    private String name;
    private String topic;
    private GroupObserver kafka;
    private PodLogCollector consumerLogs;
    private Map<Integer, Long> offsetsAtStart;

    @BeforeAll
    void connect() throws IOException {
        settings = E2eSettings.fromEnvironment();
        client = new KubernetesClientBuilder().build();
        System.out.printf("e2e: cluster %s (Kubernetes %s), broker %s, images tag %s%n", client.getMasterUrl(),
                client.getKubernetesVersion().getGitVersion(), settings.bootstrapServers(), settings.imageTag());
        sample = new KubernetesSerialization().unmarshal(Files.readString(REPO.resolve("k8s/samples/web-events.yaml")), GenericKubernetesResource.class);
        sample.getMetadata().setNamespace(settings.namespace());
        name = sample.getMetadata().getName();
        topic = sample.get("spec", "topic", "name");
        kafka = new GroupObserver(settings.bootstrapServers(), topic, sample.get("spec", "consumers", "groupId"));
    }

    @Test
    @Order(1)
    void helmInstallRunsTheOperatorInTheCluster() {
        releaseRemoval().forceRemove();
        Instant start = Instant.now();
        var install = new Helm(CHART).install()
                .withName(settings.release())
                .withNamespace(settings.operatorNamespace())
                .createNamespace()
                .withKubeConfig(settings.kubeconfig())
                .waitReady()
                .withTimeout(300);
        chartValues().forEach(install::set);
        install.call();
        Deployment operator = client.apps().deployments().inNamespace(settings.operatorNamespace()).withName(settings.release() + "-operator").get();
        stepTimes.put("helm install --wait -> operator Ready", Duration.between(start, Instant.now()));

        assertThat(operator.getStatus().getReadyReplicas()).isEqualTo(1);
        assertThat(client.apiextensions().v1().customResourceDefinitions().withName("consumergroupdemos.cgdemo.dev").get()).isNotNull();
    }

    @Test
    @Order(2)
    void theSampleBecomesThreeConsumersOwningOnePartitionEach() {
        if (client.namespaces().withName(settings.namespace()).get() == null) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(settings.namespace()).endMetadata().build()).create();
        }
        consumerLogs = new PodLogCollector(client, settings.namespace(), consumerLabels(), consumed, TARGET.resolve("e2e-logs"));
        // Logs are followed from each pod's first line, so every offset from where the group starts must show up in them.
        Map<Integer, Long> committedBefore = kafka.topicExists() ? kafka.committedOffsets() : Map.of();
        Instant start = Instant.now();
        client.genericKubernetesResources(CGD).inNamespace(settings.namespace()).resource(sample).create();

        waiting(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(kafka.topicExists() ? kafka.partitionCount() : 0).isEqualTo(3));
        stepTimes.put("apply sample -> topic with 3 partitions", Duration.between(start, Instant.now()));
        waiting(Duration.ofSeconds(300)).untilAsserted(() -> assertThat(readyConsumerPods())
                .containsExactlyInAnyOrder(consumer(0), consumer(1), consumer(2)));
        stepTimes.put("apply sample -> 3 consumer pods Ready", Duration.between(start, Instant.now()));
        waiting(Duration.ofSeconds(120)).untilAsserted(() -> {
            Map<String, List<Integer>> members = kafka.partitionsByMember();
            assertThat(members).containsOnlyKeys(consumer(0), consumer(1), consumer(2));
            assertThat(members.values()).allSatisfy(partitions -> assertThat(partitions).hasSize(1));
        });
        assertThat(kafka.ownerByPartition()).containsOnlyKeys(0, 1, 2);
        stepTimes.put("apply sample -> each consumer owns one partition (Admin)", Duration.between(start, Instant.now()));

        waiting(Duration.ofSeconds(120)).untilAsserted(() -> {
            GenericKubernetesResource resource = resource();
            assertThat(conditionStatus(resource, "Ready")).isEqualTo("True");
            assertThat(((Number) resource.get("status", "group", "members")).intValue()).isEqualTo(3);
        });
        stepTimes.put("apply sample -> status Ready, 3 members", Duration.between(start, Instant.now()));
        offsetsAtStart = new LinkedHashMap<>();
        kafka.startOffsets().forEach((partition, earliest) -> offsetsAtStart.put(partition, committedBefore.getOrDefault(partition, earliest)));
    }

    @Test
    @Order(3)
    void aDeletedConsumersPartitionIsConsumedByAnotherPod() {
        String deleted = consumer(1);
        int partition = ownedBy(deleted);
        long endAtDelete = kafka.endOffsets().get(partition);
        String oldUid = client.pods().inNamespace(settings.namespace()).withName(deleted).get().getMetadata().getUid();

        Instant start = Instant.now();
        client.pods().inNamespace(settings.namespace()).withName(deleted).delete();

        AtomicReference<String> newOwner = new AtomicReference<>();
        waiting(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String owner = kafka.ownerByPartition().get(partition);
            newOwner.set(owner);
            return owner != null && !owner.equals(deleted);
        });
        stepTimes.put("delete pod -> partition " + partition + " owned by " + newOwner.get(), Duration.between(start, Instant.now()));
        waiting(Duration.ofSeconds(90)).until(() -> kafka.committedOffsets().getOrDefault(partition, -1L) > endAtDelete);
        stepTimes.put("delete pod -> partition " + partition + " consumed past the deletion point", Duration.between(start, Instant.now()));
        waiting(Duration.ofSeconds(180)).until(() -> {
            Pod replacement = client.pods().inNamespace(settings.namespace()).withName(deleted).get();
            return replacement != null && !replacement.getMetadata().getUid().equals(oldUid) && Readiness.isPodReady(replacement);
        });
        stepTimes.put("delete pod -> replacement pod Ready", Duration.between(start, Instant.now()));

        // status.lastRebalance holds only the latest move, which the pod's return may already have replaced; the
        // Events keep each one
        waiting(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rebalancedEventMessages())
                .as("Rebalanced events on %s", name).anyMatch(message -> message.contains(deleted)));
        assertThat(((Number) resource().get("status", "rebalances")).intValue()).isGreaterThanOrEqualTo(1);

        // Everything committed so far was processed by some pod: nothing skipped across the move.
        waiting(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(missingUpTo(kafka.committedOffsets())).isEmpty());
    }

    @Test
    @Order(4)
    void scaledToOneASingleConsumerOwnsEveryPartition() {
        Instant start = Instant.now();
        scaleTo(1);

        waiting(Duration.ofSeconds(180)).untilAsserted(() -> assertThat(kafka.partitionsByMember()).isEqualTo(Map.of(consumer(0), List.of(0, 1, 2))));
        waiting(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(consumerPods()).containsExactly(consumer(0)));
        stepTimes.put("scale to 1 -> consumer-0 owns partitions 0,1,2 and 1 pod left", Duration.between(start, Instant.now()));
    }

    @Test
    @Order(5)
    void scaledToFiveTwoMembersSitIdle() {
        Instant start = Instant.now();
        scaleTo(5);

        waiting(Duration.ofSeconds(300)).untilAsserted(() -> assertThat(readyConsumerPods()).hasSize(5));
        waiting(Duration.ofSeconds(180)).untilAsserted(() -> {
            Map<String, List<Integer>> members = kafka.partitionsByMember();
            assertThat(members).hasSize(5);
            assertThat(members.values()).filteredOn(List::isEmpty).hasSize(2);
            assertThat(members.values()).filteredOn(partitions -> partitions.size() == 1).hasSize(3);
        });
        assertThat(kafka.ownerByPartition()).containsOnlyKeys(0, 1, 2);
        stepTimes.put("scale to 5 -> 5 members, 2 idle", Duration.between(start, Instant.now()));
    }

    @Test
    @Order(6)
    void noProducedRecordWasLost() {
        client.genericKubernetesResources(CGD).inNamespace(settings.namespace()).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"producer\":{\"enabled\":false}}}");
        waiting(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(client.pods().inNamespace(settings.namespace())
                .withLabels(Map.of("app.kubernetes.io/instance", name, "app.kubernetes.io/component", "producer")).list().getItems()).isEmpty());
        Map<Integer, Long> end = kafka.endOffsets();

        waiting(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(kafka.committedOffsets()).isEqualTo(end));
        waiting(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(missingUpTo(end)).isEmpty());

        long produced = 0;
        for (var entry : end.entrySet()) {
            int partition = entry.getKey();
            long inRun = entry.getValue() - offsetsAtStart.get(partition);
            produced += inRun;
            System.out.printf("e2e: partition %d: offsets %d..%d all processed (%d distinct, %d processed twice)%n",
                    partition, offsetsAtStart.get(partition), entry.getValue() - 1, consumed.distinct(partition), consumed.duplicates(partition));
        }
        assertThat(produced).as("records produced during the run").isPositive();

        // The operator's proof agrees: from the pods' audit, every offset of the topic was processed once, no more
        // (a clean pod delete and scaling re-deliver nothing: a stopping consumer commits what it processed).
        Map<Integer, Long> start = kafka.startOffsets();
        long inTopic = end.entrySet().stream().mapToLong(e -> e.getValue() - start.get(e.getKey())).sum();
        waiting(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<String, Object> delivery = resource().get("status", "delivery");
            assertThat(delivery).as("status.delivery").isNotNull();
            assertThat(((Number) delivery.get("processed")).longValue()).as("status.delivery.processed").isEqualTo(inTopic);
            assertThat(((Number) delivery.get("lost")).longValue()).as("status.delivery.lost").isZero();
            assertThat(((Number) delivery.get("duplicates")).longValue()).as("status.delivery.duplicates").isZero();
        });
        System.out.printf("e2e: status.delivery %s; rebalances %s%n", resource().get("status", "delivery"),
                resource().get("status", "rebalances"));
    }

    @Test
    @Order(7)
    void deletingTheResourceRemovesItsPodsAndKeepsTheTopic() {
        Instant start = Instant.now();
        client.genericKubernetesResources(CGD).inNamespace(settings.namespace()).withName(name).delete();

        waiting(Duration.ofSeconds(180)).untilAsserted(() -> assertThat(client.pods().inNamespace(settings.namespace())
                .withLabel("app.kubernetes.io/instance", name).list().getItems()).isEmpty());
        assertThat(client.apps().statefulSets().inNamespace(settings.namespace()).withName(name + "-consumer").get()).isNull();
        stepTimes.put("delete resource -> all its pods gone", Duration.between(start, Instant.now()));
        assertThat(kafka.topicExists()).as("topic %s kept", topic).isTrue();
    }

    /**
     * k8s/samples/chaos.yaml, every 10 s instead of 30 s, on its own topic after the sample is gone: in about two
     * minutes the operator kills and deletes its consumer pods at least three times, each action in status.chaos
     * with its rebalance's measured pause and nothing lost, and in the per-kind totals.
     */
    @Test
    @Order(8)
    void aChaosResourceActsAtLeastThreeTimesEachWithAMeasuredRebalanceAndNothingLost() throws IOException {
        chaos = new KubernetesSerialization().unmarshal(Files.readString(REPO.resolve("k8s/samples/chaos.yaml")),
                GenericKubernetesResource.class);
        chaos.getMetadata().setNamespace(settings.namespace());
        Map<String, Object> chaosSpec = chaos.get("spec", "chaos");
        chaosSpec.put("every", "10s");
        String chaosName = chaos.getMetadata().getName();
        Instant start = Instant.now();
        client.genericKubernetesResources(CGD).inNamespace(settings.namespace()).resource(chaos).create();

        waiting(Duration.ofSeconds(240)).untilAsserted(() ->
                assertThat(measuredChaosActions(chaosName)).hasSizeGreaterThanOrEqualTo(3));
        stepTimes.put("apply chaos sample -> 3 actions measured", Duration.between(start, Instant.now()));

        List<Map<String, Object>> measured = measuredChaosActions(chaosName);
        assertThat(measured).allSatisfy(entry -> {
            assertThat(entry.get("action")).isIn("kill", "delete");
            assertThat((String) entry.get("pod")).startsWith(chaosName + "-consumer-");
            @SuppressWarnings("unchecked")
            Map<String, Object> rebalance = (Map<String, Object>) entry.get("rebalance");
            assertThat(rebalance).as("the rebalance of %s", entry).isNotNull();
            assertThat(rebalance.get("pauseMs")).as("measured pause of %s", entry).isNotNull();
            assertThat(((Number) entry.get("lost")).longValue()).as("lost after %s", entry).isZero();
        });
        List<Map<String, Object>> totals = client.genericKubernetesResources(CGD).inNamespace(settings.namespace())
                .withName(chaosName).get().get("status", "chaos", "totals");
        assertThat(totals).isNotEmpty().allSatisfy(total ->
                assertThat(((Number) total.get("lost")).longValue()).as("lost after %s", total.get("action")).isZero());
        assertThat(client.v1().events().inNamespace(settings.namespace()).list().getItems())
                .filteredOn(e -> chaosName.equals(e.getInvolvedObject().getName()) && "ChaosAction".equals(e.getReason()))
                .hasSizeGreaterThanOrEqualTo(3);
        System.out.printf("e2e: chaos totals %s%n", totals);

        client.genericKubernetesResources(CGD).inNamespace(settings.namespace()).withName(chaosName).delete();
        waiting(Duration.ofSeconds(120)).until(() ->
                client.genericKubernetesResources(CGD).inNamespace(settings.namespace()).withName(chaosName).get() == null);
    }

    private List<Map<String, Object>> measuredChaosActions(String chaosName) {
        GenericKubernetesResource current = client.genericKubernetesResources(CGD).inNamespace(settings.namespace())
                .withName(chaosName).get();
        List<Map<String, Object>> recent = current == null ? null : current.get("status", "chaos", "recent");
        return Objects.requireNonNullElse(recent, List.<Map<String, Object>>of()).stream()
                .filter(entry -> Boolean.TRUE.equals(entry.get("measured")))
                .toList();
    }

    @Test
    @Order(9)
    void theChartsOwnSampleReconcilesSoUninstallHasAFinalizerToGetPast() {
        // The case: `helm install --set demo.enabled=true`, then `helm uninstall` (in @AfterAll).
        Instant start = Instant.now();
        var upgrade = new Helm(CHART).upgrade()
                .withName(settings.release())
                .withNamespace(settings.operatorNamespace())
                .withKubeConfig(settings.kubeconfig())
                .waitReady()
                .withTimeout(120);
        chartValues().forEach(upgrade::set);
        upgrade.set("demo.enabled", true).set("demo.namespace", settings.namespace()).call();

        waiting(Duration.ofSeconds(120)).untilAsserted(() -> {
            GenericKubernetesResource resource = resource();
            assertThat(resource.getMetadata().getAnnotations()).containsEntry("meta.helm.sh/release-name", settings.release());
            assertThat(resource.getMetadata().getFinalizers()).isNotEmpty();
            assertThat(client.services().inNamespace(settings.namespace()).withName(name + "-consumer").get()).isNotNull();
            assertThat(client.apps().statefulSets().inNamespace(settings.namespace()).withName(name + "-consumer").get()).isNotNull();
        });
        stepTimes.put("helm upgrade --set demo.enabled=true -> sample with finalizer, Service, StatefulSet", Duration.between(start, Instant.now()));
    }

    @AfterAll
    void report() throws IOException {
        StringBuilder table = new StringBuilder("e2e step times\n");
        stepTimes.forEach((step, time) -> table.append(String.format("  %-70s %6.1f s%n", step, time.toMillis() / 1000.0)));
        System.out.print(table);
        Files.createDirectories(TARGET);
        Files.writeString(TARGET.resolve("e2e-timings.txt"), table);
        if (consumerLogs != null) {
            consumerLogs.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        try {
            if (!Boolean.getBoolean("cgdemo.e2e.keep")) {
                // README's clean-up: resources applied by hand first, then `helm uninstall`, whose hook deletes the
                // release's own sample while the operator runs; then nothing of the release may be left.
                Instant start = Instant.now();
                releaseRemoval().uninstallAndAssertNothingLeft();
                System.out.printf("e2e: helm uninstall -> nothing of the release left: %.1f s%n", Duration.between(start, Instant.now()).toMillis() / 1000.0);
                client.namespaces().withName(settings.namespace()).delete();
            }
        } finally {
            client.close();
        }
    }

    /** Kubernetes 1.20's server-side apply cannot create a Service ("resourceVersion should not be set on objects to be created"). */
    private boolean serverSideApplyWorks() {
        var version = client.getKubernetesVersion();
        return !(version.getMajor().equals("1") && Integer.parseInt(version.getMinor().replaceAll("\\D", "")) <= 20);
    }

    private void scaleTo(int replicas) {
        // what `kubectl scale cgd web-events --replicas=N` does: the scale subresource
        client.genericKubernetesResources(CGD).inNamespace(settings.namespace()).withName(name).scale(replicas);
    }

    private List<String> missingUpTo(Map<Integer, Long> upTo) {
        List<String> missing = new ArrayList<>();
        upTo.forEach((partition, offset) -> missing.addAll(consumed.missing(partition, offsetsAtStart.get(partition), offset)));
        return missing;
    }

    private List<String> rebalancedEventMessages() {
        return client.v1().events().inNamespace(settings.namespace()).list().getItems().stream()
                .filter(event -> name.equals(event.getInvolvedObject().getName()) && "Rebalanced".equals(event.getReason()))
                .map(event -> event.getMessage())
                .toList();
    }

    private GenericKubernetesResource resource() {
        return client.genericKubernetesResources(CGD).inNamespace(settings.namespace()).withName(name).get();
    }

    private static String conditionStatus(GenericKubernetesResource resource, String type) {
        List<Map<String, Object>> conditions = resource.get("status", "conditions");
        return Objects.requireNonNullElse(conditions, List.<Map<String, Object>>of()).stream()
                .filter(condition -> type.equals(condition.get("type")))
                .map(condition -> String.valueOf(condition.get("status")))
                .findFirst().orElse("absent");
    }

    private int ownedBy(String member) {
        return kafka.partitionsByMember().getOrDefault(member, List.of(-1)).stream().findFirst().orElse(-1);
    }

    private Map<String, String> consumerLabels() {
        return Map.of("app.kubernetes.io/instance", name, "app.kubernetes.io/component", "consumer");
    }

    private List<String> consumerPods() {
        return client.pods().inNamespace(settings.namespace()).withLabels(consumerLabels()).list().getItems().stream()
                .map(pod -> pod.getMetadata().getName()).sorted().toList();
    }

    private List<String> readyConsumerPods() {
        return client.pods().inNamespace(settings.namespace()).withLabels(consumerLabels()).list().getItems().stream()
                .filter(Readiness::isPodReady)
                .map(pod -> pod.getMetadata().getName()).sorted().toList();
    }

    private String consumer(int ordinal) {
        return name + "-consumer-" + ordinal;
    }

    /** The values of every install and upgrade here: the operator in the cluster, Kafka outside it, the loaded images. */
    private Map<String, Object> chartValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kafka.enabled", false);
        values.put("operator.kafkaBootstrapServers", settings.bootstrapServers());
        values.put("operator.image.tag", settings.imageTag());
        values.put("worker.image.tag", settings.imageTag());
        values.put("operator.serverSideApply", serverSideApplyWorks());
        values.put("chaos.enabled", true);
        return values;
    }

    private ReleaseRemoval releaseRemoval() {
        return new ReleaseRemoval(client, settings, name);
    }

    private static ConditionFactory waiting(Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions();
    }
}

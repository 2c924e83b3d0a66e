package dev.cgdemo.operator;

import static dev.cgdemo.operator.Demos.NAMESPACE;
import static dev.cgdemo.operator.Demos.WAIT;
import static dev.cgdemo.operator.Demos.create;
import static dev.cgdemo.operator.Demos.demo;
import static dev.cgdemo.operator.Demos.demos;
import static dev.cgdemo.operator.Demos.editSpec;
import static dev.cgdemo.operator.Demos.get;
import static dev.cgdemo.operator.Demos.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import dev.cgdemo.operator.http.HealthServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A resource becomes a topic, a headless Service, a StatefulSet and a producer, and they follow the spec. */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class ChildrenReconcileTest {

  @BrokerCluster(numBrokers = 1)
  @KRaftCluster
  static KafkaCluster cluster;

  static KubernetesClient client;
  static CgdemoOperator operator;
  static Admin admin;

  @BeforeAll
  static void startOperator() {
    admin = Admin.create(cluster.getKafkaClientConfiguration());
    operator = CgdemoOperator.start(client, Demos.mockServerSettings(cluster.getBootstrapServers()), new SimpleMeterRegistry());
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
    admin.close();
  }

  @Test
  void resourceBecomesTopicServiceStatefulSetAndProducerAsSpecified() throws Exception {
    ConsumerGroupDemo created = create(client, demo("web-events", 3, 3));

    await().atMost(WAIT).until(() -> hasCondition(client, "web-events", "Ready", "True", "Reconciled"));
    assertThat(topic("web-events").partitions()).hasSize(3);

    Service service = client.services().inNamespace(NAMESPACE).withName("web-events-consumer").get();
    assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(service.getSpec().getSelector()).isEqualTo(selector("web-events", "consumer"));
    assertLabelsAndOwner(service, created, "consumer");

    StatefulSet consumers = client.apps().statefulSets().inNamespace(NAMESPACE).withName("web-events-consumer").get();
    assertThat(consumers.getSpec().getReplicas()).isEqualTo(3);
    assertThat(consumers.getSpec().getServiceName()).isEqualTo("web-events-consumer");
    assertThat(consumers.getSpec().getSelector().getMatchLabels()).isEqualTo(selector("web-events", "consumer"));
    assertThat(consumers.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector("web-events", "consumer"));
    assertLabelsAndOwner(consumers, created, "consumer");
    PodSpec consumerPod = consumers.getSpec().getTemplate().getSpec();
    Container consumer = consumerPod.getContainers().get(0);
    assertThat(consumer.getImage()).isEqualTo(Demos.TEST_IMAGE);
    assertThat(consumer.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(consumer.getArgs()).containsExactly("consume");
    assertThat(env(consumer)).containsAllEntriesOf(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", cluster.getBootstrapServers(),
        "CGDEMO_TOPIC", "web-events",
        "CGDEMO_GROUP_ID", "web-events-group",
        "CGDEMO_PROTOCOL", "classic",
        "CGDEMO_ASSIGNOR", "cooperative-sticky",
        "CGDEMO_STATIC_MEMBERSHIP", "false",
        "CGDEMO_PROCESSING_DELAY_MS", "0",
        "CGDEMO_HTTP_PORT", "8080",
        "CGDEMO_EVENTS", "text"));
    assertThat(podNameVariable(consumer)).isEqualTo("CGDEMO_CONSUMER_ID");
    assertRestrictedPodSecurity(consumerPod);
    assertThat(consumer.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(consumer.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(consumerPod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(30L);

    Deployment producer = client.apps().deployments().inNamespace(NAMESPACE).withName("web-events-producer").get();
    assertLabelsAndOwner(producer, created, "producer");
    Container producerContainer = producer.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(producerContainer.getArgs()).containsExactly("produce");
    assertThat(env(producerContainer)).containsAllEntriesOf(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", cluster.getBootstrapServers(),
        "CGDEMO_TOPIC", "web-events",
        "CGDEMO_RATE", "5",
        "CGDEMO_KEYS", "20"));
    assertThat(podNameVariable(producerContainer)).isEqualTo("CGDEMO_PRODUCER_ID");
    assertRestrictedPodSecurity(producer.getSpec().getTemplate().getSpec());

    ConsumerGroupDemo reconciled = get(client, "web-events");
    assertThat(reconciled.getStatus().getSelector())
        .isEqualTo("app.kubernetes.io/component=consumer,app.kubernetes.io/instance=web-events,app.kubernetes.io/name=consumer-group-demo");
    assertThat(reconciled.getStatus().getTopic().getPartitions()).isEqualTo(3);
    assertThat(reconciled.getStatus().getObservedGeneration()).isEqualTo(reconciled.getMetadata().getGeneration());
  }

  @Test
  void childrenAndTopicFollowTheSpecAndAShrinkIsRefused() throws Exception {
    create(client, demo("changes", 2, 2));
    await().atMost(WAIT).until(() -> hasCondition(client, "changes", "Ready", "True", "Reconciled"));

    editSpec(client, "changes", spec -> spec.getConsumers().setReplicas(4));
    await().atMost(WAIT).until(() -> statefulSet("changes").getSpec().getReplicas() == 4);

    editSpec(client, "changes", spec -> spec.getTopic().setPartitions(4));
    await().atMost(WAIT).until(() -> topic("changes").partitions().size() == 4);
    await().atMost(WAIT).until(() -> get(client, "changes").getStatus().getTopic().getPartitions() == 4);

    // Refused as the CRD's transition rule refuses it on Kubernetes 1.25+, against the spec last accepted.
    editSpec(client, "changes", spec -> spec.getTopic().setPartitions(2));
    await().atMost(WAIT).until(() -> hasCondition(client, "changes", "Ready", "False", "InvalidSpec"));
    assertThat(Demos.condition(get(client, "changes"), "Ready").orElseThrow().getMessage())
        .isEqualTo("spec.topic.partitions may grow but never shrink: it was 4, now 2; set it to 4 or more");
    assertThat(topic("changes").partitions()).hasSize(4);

    // An invalid spec changes nothing until it is put right, as the message says.
    editSpec(client, "changes", spec -> {
      spec.getTopic().setPartitions(4);
      spec.getProducer().setEnabled(false);
    });
    await().atMost(WAIT).until(() -> client.apps().deployments().inNamespace(NAMESPACE).withName("changes-producer").get() == null);
    await().atMost(WAIT).until(() -> hasCondition(client, "changes", "ProducerReady", "False", "Disabled"));
  }

  @Test
  void deletingAResourceKeepsItsTopicUnlessItAsksOtherwise() throws Exception {
    create(client, demo("keep-topic", 1, 1));
    ConsumerGroupDemo drop = demo("drop-topic", 1, 1);
    drop.getSpec().getTopic().setDeleteWithResource(true);
    create(client, drop);
    await().atMost(WAIT).until(() -> hasCondition(client, "keep-topic", "Ready", "True", "Reconciled")
        && hasCondition(client, "drop-topic", "Ready", "True", "Reconciled"));
    assertThat(get(client, "drop-topic").getMetadata().getFinalizers()).isNotEmpty();

    demos(client).inNamespace(NAMESPACE).withName("keep-topic").delete();
    demos(client).inNamespace(NAMESPACE).withName("drop-topic").delete();

    await().atMost(WAIT).until(() -> get(client, "keep-topic") == null && get(client, "drop-topic") == null);
    await().atMost(WAIT).until(() -> !topicNames().contains("drop-topic"));
    assertThat(topicNames()).contains("keep-topic");
  }

  @Test
  void restartedOperatorCreatesNothingTwiceAndServesHealthAndMetrics() throws Exception {
    create(client, demo("restart", 2, 2));
    await().atMost(WAIT).until(() -> hasCondition(client, "restart", "Ready", "True", "Reconciled"));
    Service service = client.services().inNamespace(NAMESPACE).withName("restart-consumer").get();
    StatefulSet consumers = statefulSet("restart");
    Deployment producer = client.apps().deployments().inNamespace(NAMESPACE).withName("restart-producer").get();
    var topicId = topic("restart").topicId();

    operator.close();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    operator = CgdemoOperator.start(client, Demos.mockServerSettings(cluster.getBootstrapServers()), registry);
    // A change only the new operator can act on proves it has reconciled this resource.
    editSpec(client, "restart", spec -> spec.getConsumers().setReplicas(3));
    await().atMost(WAIT).until(() -> statefulSet("restart").getSpec().getReplicas() == 3);

    assertThat(statefulSet("restart").getMetadata().getUid()).isEqualTo(consumers.getMetadata().getUid());
    assertThat(client.services().inNamespace(NAMESPACE).withName("restart-consumer").get().getMetadata())
        .satisfies(m -> assertThat(m.getResourceVersion()).isEqualTo(service.getMetadata().getResourceVersion()));
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("restart-producer").get().getMetadata())
        .satisfies(m -> assertThat(m.getResourceVersion()).isEqualTo(producer.getMetadata().getResourceVersion()));
    assertThat(client.apps().statefulSets().inNamespace(NAMESPACE).list().getItems())
        .filteredOn(s -> s.getMetadata().getName().startsWith("restart")).hasSize(1);
    assertThat(topic("restart").topicId()).isEqualTo(topicId);

    try (HealthServer health = HealthServer.start(0, operator::runtimeInfo, registry)) {
      HttpClient http = HttpClient.newHttpClient();
      await().atMost(WAIT).until(() -> httpGet(http, health, "/readyz").statusCode() == 200);
      assertThat(httpGet(http, health, "/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> metrics = httpGet(http, health, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("reconciliations");
    }
  }

  private static HttpResponse<String> httpGet(HttpClient http, HealthServer health, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Set<String> topicNames() throws Exception {
    return admin.listTopics().names().get();
  }

  private static TopicDescription topic(String name) throws Exception {
    return admin.describeTopics(List.of(name)).topicNameValues().get(name).get();
  }

  private static StatefulSet statefulSet(String name) {
    return client.apps().statefulSets().inNamespace(NAMESPACE).withName(name + "-consumer").get();
  }

  static Map<String, String> selector(String instance, String component) {
    return Map.of("app.kubernetes.io/name", "consumer-group-demo", "app.kubernetes.io/instance", instance,
        "app.kubernetes.io/component", component);
  }

  static void assertLabelsAndOwner(HasMetadata child, ConsumerGroupDemo owner, String component) {
    assertThat(child.getMetadata().getLabels()).containsAllEntriesOf(selector(owner.getMetadata().getName(), component))
        .containsEntry("app.kubernetes.io/managed-by", "cgdemo-operator");
    assertThat(child.getMetadata().getOwnerReferences()).singleElement().satisfies((OwnerReference ref) -> {
      assertThat(ref.getKind()).isEqualTo("ConsumerGroupDemo");
      assertThat(ref.getApiVersion()).isEqualTo("cgdemo.dev/v1alpha1");
      assertThat(ref.getName()).isEqualTo(owner.getMetadata().getName());
      assertThat(ref.getUid()).isEqualTo(owner.getMetadata().getUid());
    });
  }

  static void assertRestrictedPodSecurity(PodSpec pod) {
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    for (Container container : pod.getContainers()) {
      var security = container.getSecurityContext();
      assertThat(security.getAllowPrivilegeEscalation()).isFalse();
      assertThat(security.getReadOnlyRootFilesystem()).isTrue();
      assertThat(security.getRunAsNonRoot()).isTrue();
      assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
      assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    }
    assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
  }

  static Map<String, String> env(Container container) {
    return container.getEnv().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  static String podNameVariable(Container container) {
    return container.getEnv().stream()
        .filter(e -> e.getValueFrom() != null && "metadata.name".equals(e.getValueFrom().getFieldRef().getFieldPath()))
        .map(EnvVar::getName)
        .findFirst().orElse(null);
  }
}

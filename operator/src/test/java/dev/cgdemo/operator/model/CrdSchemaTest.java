package dev.cgdemo.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import dev.cgdemo.worker.consume.GroupProtocolChoice;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CRD that fabric8's generator wrote at build time holds the contract of DESIGN.md. */
class CrdSchemaTest {

  static final String CRD = "/META-INF/fabric8/consumergroupdemos.cgdemo.dev-v1.yml";
  static CustomResourceDefinition crd;
  static CustomResourceDefinitionVersion version;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = CrdSchemaTest.class.getResourceAsStream(CRD)) {
      assertThat(in).as(CRD + " (generated in process-classes)").isNotNull();
      crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
    version = crd.getSpec().getVersions().get(0);
  }

  @Test
  void namesGroupVersionAndScope() {
    assertThat(crd.getMetadata().getName()).isEqualTo("consumergroupdemos.cgdemo.dev");
    assertThat(crd.getSpec().getGroup()).isEqualTo("cgdemo.dev");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("ConsumerGroupDemo");
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("consumergroupdemos");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("cgd");
    assertThat(crd.getSpec().getVersions()).singleElement()
        .satisfies(v -> assertThat(v.getName()).isEqualTo("v1alpha1"));
  }

  @Test
  void statusAndScaleSubresources() {
    assertThat(version.getSubresources().getStatus()).isNotNull();
    var scale = version.getSubresources().getScale();
    assertThat(scale.getSpecReplicasPath()).isEqualTo(".spec.consumers.replicas");
    assertThat(scale.getStatusReplicasPath()).isEqualTo(".status.replicas");
    assertThat(scale.getLabelSelectorPath()).isEqualTo(".status.selector");
  }

  @Test
  void printerColumns() {
    Map<String, String> columns = version.getAdditionalPrinterColumns().stream()
        .collect(Collectors.toMap(CustomResourceColumnDefinition::getName, CustomResourceColumnDefinition::getJsonPath));
    assertThat(columns).containsOnly(
        Map.entry("TOPIC", ".status.topic.name"),
        Map.entry("PARTITIONS", ".status.topic.partitions"),
        Map.entry("CONSUMERS", ".spec.consumers.replicas"),
        Map.entry("MEMBERS", ".status.group.members"),
        Map.entry("STATE", ".status.group.state"),
        Map.entry("LAG", ".status.totalLag"),
        Map.entry("REBALANCES", ".status.rebalances"),
        Map.entry("READY", ".status.conditions[?(@.type==\"Ready\")].status"),
        Map.entry("AGE", ".metadata.creationTimestamp"));
  }

  @Test
  void requiredFieldsMinimumsEnumsAndTopicNamePattern() {
    JSONSchemaProps spec = property(version.getSchema().getOpenAPIV3Schema(), "spec");
    assertThat(spec.getRequired()).contains("topic", "consumers");
    JSONSchemaProps topic = property(spec, "topic");
    assertThat(topic.getRequired()).contains("partitions");
    assertThat(property(topic, "name").getPattern()).isEqualTo("^[a-zA-Z0-9._-]{1,249}$");
    assertThat(property(topic, "partitions").getMinimum()).isEqualTo(1.0);
    assertThat(property(topic, "replicationFactor").getMinimum()).isEqualTo(1.0);
    JSONSchemaProps consumers = property(spec, "consumers");
    assertThat(consumers.getRequired()).contains("replicas");
    assertThat(property(consumers, "replicas").getMinimum()).isEqualTo(0.0);
    assertThat(property(consumers, "processingDelayMs").getMinimum()).isEqualTo(0.0);
    assertThat(enumValues(property(consumers, "protocol"))).containsExactlyInAnyOrder("classic", "consumer");
    assertThat(enumValues(property(consumers, "assignor")))
        .containsExactlyInAnyOrder("range", "roundrobin", "sticky", "cooperative-sticky", "uniform");
    JSONSchemaProps producer = property(spec, "producer");
    assertThat(property(producer, "messagesPerSecond").getMinimum()).isEqualTo(1.0);
    assertThat(property(producer, "keys").getMinimum()).isEqualTo(1.0);
    assertThat(property(topic, "deleteWithResource").getType()).isEqualTo("boolean");
    assertThat(property(spec, "workerImage").getType()).isEqualTo("string");
  }

  @Test
  void statusHoldsTheLiveGroup() {
    JSONSchemaProps status = property(version.getSchema().getOpenAPIV3Schema(), "status");
    assertThat(status.getProperties()).containsKeys("observedGeneration", "conditions", "replicas", "selector",
        "topic", "acceptedTopicSpec", "group", "assignments", "totalLag", "rebalances", "lastRebalance", "delivery");
    assertThat(property(status, "group").getProperties()).containsKeys("groupId", "state", "protocol", "generation", "members");
    assertThat(property(status, "topic").getProperties())
        .containsOnlyKeys("name", "partitions", "replicationFactor", "createdByOperator");
    assertThat(property(status, "acceptedTopicSpec").getProperties())
        .containsOnlyKeys("name", "partitions", "replicationFactor");
    assertThat(property(status, "acceptedTopicSpec").getXKubernetesValidations())
        .as("the spec's transition rules must not apply to status updates").isNullOrEmpty();
    assertThat(status.getProperties().get("assignments").getItems().getSchema().getProperties())
        .containsKeys("partition", "consumer", "committedOffset", "endOffset", "lag");
    assertThat(property(status, "lastRebalance").getProperties()).containsKeys("time", "moves", "pauseMs");
    assertThat(property(status, "delivery").getProperties()).containsOnlyKeys("processed", "lost", "duplicates");
    assertThat(status.getProperties().get("conditions").getItems().getSchema().getProperties())
        .containsKeys("type", "status", "reason", "message", "lastTransitionTime");
  }

  /** The schema's lists are written out in annotations; the worker's are what the pods accept. They must agree. */
  @Test
  void protocolsAndAssignorsAreTheOnesTheWorkerAccepts() {
    JSONSchemaProps consumers = property(property(version.getSchema().getOpenAPIV3Schema(), "spec"), "consumers");
    assertThat(enumValues(property(consumers, "protocol"))).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(GroupProtocolChoice.values()).map(GroupProtocolChoice::kafkaName).toList());
    assertThat(enumValues(property(consumers, "assignor"))).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(GroupProtocolChoice.values()).flatMap(choice -> choice.assignors().stream()).distinct().toList());
    // Which assignor fits which protocol is the CEL rule's part: run in CrdValidationRulesTest.
  }

  private static JSONSchemaProps property(JSONSchemaProps parent, String name) {
    JSONSchemaProps child = parent.getProperties().get(name);
    assertThat(child).as(name).isNotNull();
    return child;
  }

  private static List<String> enumValues(JSONSchemaProps props) {
    return props.getEnum().stream().map(node -> node.asText()).toList();
  }
}

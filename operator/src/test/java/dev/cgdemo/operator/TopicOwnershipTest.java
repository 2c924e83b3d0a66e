package dev.cgdemo.operator;

import static dev.cgdemo.operator.Demos.NAMESPACE;
import static dev.cgdemo.operator.Demos.WAIT;
import static dev.cgdemo.operator.Demos.condition;
import static dev.cgdemo.operator.Demos.create;
import static dev.cgdemo.operator.Demos.demo;
import static dev.cgdemo.operator.Demos.demos;
import static dev.cgdemo.operator.Demos.editSpec;
import static dev.cgdemo.operator.Demos.get;
import static dev.cgdemo.operator.Demos.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator grows and deletes only topics it created, remembers which across restarts (status), refuses a
 * topic another resource uses, and deletes a topic's audit with it, so a re-created resource starts clean.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class TopicOwnershipTest {

  @BrokerCluster(numBrokers = 1)
  @KRaftCluster
  static KafkaCluster cluster;

  static KubernetesClient client;
  static CgdemoOperator operator;
  static Admin admin;

  @BeforeAll
  static void startOperator() {
    admin = Admin.create(cluster.getKafkaClientConfiguration());
    operator = startedOperator();
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
    admin.close();
  }

  @Test
  void aTopicThatWasThereIsNeitherGrownNorDeleted() throws Exception {
    admin.createTopics(List.of(new NewTopic("adopted", 2, (short) 1))).all().get();
    create(client, deletingItsTopic(demo("adopted", 2, 1)));
    await().atMost(WAIT).until(() -> hasCondition(client, "adopted", "Ready", "True", "Reconciled"));
    assertThat(get(client, "adopted").getStatus().getTopic().getCreatedByOperator()).isFalse();

    editSpec(client, "adopted", spec -> spec.getTopic().setPartitions(3));
    await().atMost(WAIT).until(() -> hasCondition(client, "adopted", "Ready", "False", "TopicNotOwned"));
    assertThat(condition(get(client, "adopted"), "TopicReady").orElseThrow().getMessage())
        .contains("has 2 partitions and spec.topic.partitions is 3")
        .contains("kafka-topics.sh --bootstrap-server " + cluster.getBootstrapServers()
            + " --alter --topic adopted --partitions 3");
    assertThat(partitions("adopted")).isEqualTo(2);

    // What the message says to do; then the topic is as specified.
    admin.createPartitions(Map.of("adopted", NewPartitions.increaseTo(3))).all().get();
    await().atMost(WAIT).until(() -> hasCondition(client, "adopted", "Ready", "True", "Reconciled"));
    assertThat(get(client, "adopted").getStatus().getTopic().getCreatedByOperator()).isFalse();

    demos(client).inNamespace(NAMESPACE).withName("adopted").delete();
    await().atMost(WAIT).until(() -> get(client, "adopted") == null);
    assertThat(topicNames()).contains("adopted");
  }

  @Test
  void aTopicTheOperatorCreatedGrowsAfterARestartAndIsDeletedWithItsAudit() throws Exception {
    create(client, deletingItsTopic(demo("owned", 1, 1)));
    await().atMost(WAIT).until(() -> hasCondition(client, "owned", "Ready", "True", "Reconciled"));
    assertThat(get(client, "owned").getStatus().getTopic().getCreatedByOperator()).isTrue();
    writeAuditEntry("owned"); // as the consumers do

    // Ownership is in the status, not in the operator's memory.
    operator.close();
    operator = startedOperator();
    editSpec(client, "owned", spec -> spec.getTopic().setPartitions(2));
    await().atMost(WAIT).until(() -> partitions("owned") == 2);
    await().atMost(WAIT).until(() -> get(client, "owned").getStatus().getTopic().getPartitions() == 2
        && hasCondition(client, "owned", "Ready", "True", "Reconciled"));
    assertThat(get(client, "owned").getStatus().getTopic().getCreatedByOperator()).isTrue();

    demos(client).inNamespace(NAMESPACE).withName("owned").delete();
    await().atMost(WAIT).until(() -> get(client, "owned") == null);
    assertThat(topicNames()).doesNotContain("owned", "owned.audit");

    // Re-created under the same name: a new topic, created by the operator, and no audit of the old one.
    create(client, deletingItsTopic(demo("owned", 1, 1)));
    await().atMost(WAIT).until(() -> hasCondition(client, "owned", "Ready", "True", "Reconciled"));
    assertThat(get(client, "owned").getStatus().getTopic().getCreatedByOperator()).isTrue();
    assertThat(partitions("owned")).isEqualTo(1);
    assertThat(topicNames()).doesNotContain("owned.audit");
  }

  @Test
  void aTopicTheOperatorCreatesStartsWithoutTheAuditOfAnEarlierOne() throws Exception {
    writeAuditEntry("fresh"); // left behind by an earlier topic "fresh", deleted without its audit
    assertThat(topicNames()).contains("fresh.audit").doesNotContain("fresh");

    create(client, demo("fresh", 1, 1));
    await().atMost(WAIT).until(() -> hasCondition(client, "fresh", "Ready", "True", "Reconciled"));
    assertThat(get(client, "fresh").getStatus().getTopic().getCreatedByOperator()).isTrue();
    assertThat(topicNames()).contains("fresh").doesNotContain("fresh.audit");
  }

  @Test
  void aTopicAnotherResourceUsesIsRefusedUntilThatOneIsGone() throws Exception {
    create(client, withTopic(demo("first-user", 1, 1), "shared"));
    await().atMost(WAIT).until(() -> hasCondition(client, "first-user", "Ready", "True", "Reconciled"));

    create(client, withTopic(demo("second-user", 1, 1), "shared"));
    await().atMost(WAIT).until(() -> hasCondition(client, "second-user", "Ready", "False", "TopicInUse"));
    assertThat(condition(get(client, "second-user"), "TopicReady").orElseThrow())
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("TopicInUse"))
        .satisfies(c -> assertThat(c.getMessage()).isEqualTo("topic shared at " + cluster.getBootstrapServers()
            + " is already used by ConsumerGroupDemo demo/first-user; two demos on one topic would mix their records"
            + " and delivery counts. Re-create this resource with another spec.topic.name, or delete demo/first-user"
            + " (this one then uses the topic, as one the operator did not create)"));
    assertThat(client.apps().statefulSets().inNamespace(NAMESPACE).withName("second-user-consumer").get()).isNull();
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("second-user-producer").get()).isNull();
    assertThat(hasCondition(client, "first-user", "Ready", "True", "Reconciled")).isTrue();

    demos(client).inNamespace(NAMESPACE).withName("first-user").delete();
    await().atMost(WAIT).until(() -> hasCondition(client, "second-user", "Ready", "True", "Reconciled"));
    assertThat(get(client, "second-user").getStatus().getTopic().getCreatedByOperator()).isFalse();
    assertThat(client.apps().statefulSets().inNamespace(NAMESPACE).withName("second-user-consumer").get()).isNotNull();
  }

  /** Without CEL on the API server (1.20, the mock), adding a topic name gets through: the operator refuses it. */
  @Test
  void anAddedTopicNameIsRefusedAndDeletionTakesTheTopicInUse() throws Exception {
    create(client, deletingItsTopic(demo("renamed", 1, 1)));
    await().atMost(WAIT).until(() -> hasCondition(client, "renamed", "Ready", "True", "Reconciled"));

    editSpec(client, "renamed", spec -> spec.getTopic().setName("renamed-elsewhere"));
    await().atMost(WAIT).until(() -> hasCondition(client, "renamed", "Ready", "False", "InvalidSpec"));
    assertThat(condition(get(client, "renamed"), "Ready").orElseThrow().getMessage()).isEqualTo(
        "spec.topic.name is immutable: it was not set (metadata.name), now \"renamed-elsewhere\"; set it back,"
            + " or create a new resource for another topic");
    assertThat(topicNames()).contains("renamed").doesNotContain("renamed-elsewhere");

    demos(client).inNamespace(NAMESPACE).withName("renamed").delete();
    await().atMost(WAIT).until(() -> get(client, "renamed") == null);
    assertThat(topicNames()).doesNotContain("renamed", "renamed-elsewhere");
  }

  private static CgdemoOperator startedOperator() {
    return CgdemoOperator.start(client, Demos.mockServerSettings(cluster.getBootstrapServers()), new SimpleMeterRegistry());
  }

  private static ConsumerGroupDemo deletingItsTopic(ConsumerGroupDemo demo) {
    demo.getSpec().getTopic().setDeleteWithResource(true);
    return demo;
  }

  private static ConsumerGroupDemo withTopic(ConsumerGroupDemo demo, String topic) {
    demo.getSpec().getTopic().setName(topic);
    return demo;
  }

  /** One record in {@code <topic>.audit}, creating it as a consumer does (its content does not matter here). */
  private static void writeAuditEntry(String topic) throws Exception {
    Map<String, Object> config = new HashMap<>(cluster.getKafkaClientConfiguration());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      admin.createTopics(List.of(new NewTopic(topic + ".audit", 1, (short) 1))).all().get();
      producer.send(new ProducerRecord<>(topic + ".audit", "entry", "{}")).get();
    }
  }

  private static int partitions(String topic) throws Exception {
    return admin.describeTopics(List.of(topic)).topicNameValues().get(topic).get().partitions().size();
  }

  private static Set<String> topicNames() throws Exception {
    return admin.listTopics().names().get();
  }
}

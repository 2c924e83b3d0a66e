package dev.cgdemo.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.operator.http.HealthServer;
import dev.cgdemo.operator.ui.OperatorPages;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.worker.audit.AuditPublisher;
import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.MemberListener;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducerSettings;
import dev.cgdemo.worker.view.BrowserSession;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's live view against the mock API server, a real broker and real group members (the pod names as
 * client ids, as in GroupStatusTest): the list shows the resource, its page the assignments, and a member's leave
 * appears live. Read-only by default: no write control, and hand-made writes are refused; with --ui-actions the
 * writes are exactly scale (spec.consumers.replicas) and deleting this resource's consumer pods.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class OperatorPageTest {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorPageTest.class);
  private static final Duration WAIT = Duration.ofSeconds(60);

  @BrokerCluster(numBrokers = 1)
  @KRaftCluster
  static KafkaCluster cluster;

  static KubernetesClient client;

  private final List<GroupMember> members = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private AuditPublisher audit;

  @AfterEach
  void stopMembers() {
    members.forEach(GroupMember::close);
    if (audit != null) {
      audit.close();
    }
  }

  @Test
  void theListShowsTheResourceItsPageTheAssignmentsAndALeaveLiveWithNoWayToWrite() throws Exception {
    String name = "live";
    OperatorPages pages = new OperatorPages(client, false);
    try (CgdemoOperator operator = CgdemoOperator.start(client, Demos.mockServerSettings(cluster.getBootstrapServers()),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), pages);
         HealthServer server = HealthServer.start(0, operator::runtimeInfo, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), pages);
         BrowserSession browser = BrowserSession.start(1280, 1000)) {
      createWithoutProducer(name);
      startMembers(name, 3);
      String base = "http://127.0.0.1:" + server.port() + "/";
      try {
        watchLiveAndLeave(name, base, browser);
      } finally {
        browser.screenshot(Path.of("target", "screenshots", "operator-last.png"));   // also when a step failed
      }
    }
  }

  private void watchLiveAndLeave(String name, String base, BrowserSession browser) throws Exception {
    try (EventProducer producer = new EventProducer(ProducerSettings.of(cluster.getBootstrapServers(), name, "page-producer")
        .withRate(20), new ProduceListener() { })) {
      producer.start();

      browser.open(base);
      await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() ->
          !browser.driver().findElements(By.cssSelector("#groups tr[data-name='live'] a")).isEmpty());
      browser.screenshot(Path.of("target", "screenshots", "operator-list.png"));
      browser.driver().findElement(By.cssSelector("#groups tr[data-name='live'] a")).click();
      assertThat(browser.driver().getCurrentUrl()).isEqualTo(base + "groups/demo/live/");

      await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
        assertThat(ownedBy(browser)).containsOnlyKeys(name + "-consumer-0", name + "-consumer-1", name + "-consumer-2");
        assertThat(ownedBy(browser).values()).allSatisfy(owned -> assertThat(owned).hasSize(1));
        assertThat(browser.driver().findElement(By.id("state")).getText()).isEqualTo("Stable");
      });
      assertThat(browser.driver().findElement(By.id("title")).getText()).isEqualTo("demo/live");
      assertThat(browser.driver().findElement(By.id("assignor")).getText()).isEqualTo("cooperative-sticky");
      browser.screenshot(Path.of("target", "screenshots", "operator-group.png"));

      // read-only: no control that writes, and no write endpoint
      assertThat(browser.driver().findElements(By.cssSelector("button, form, input"))).isEmpty();
      for (String action : List.of("scale-up", "scale-down", "delete-pod")) {
        assertThat(post(base + "groups/demo/live/actions/" + action, "member=live-consumer-0").statusCode())
            .as(action).isEqualTo(404);
      }
      assertThat(send(HttpRequest.newBuilder(URI.create(base + "groups/demo/live/frame"))
          .method("DELETE", HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(405);
      assertThat(send(HttpRequest.newBuilder(URI.create(base + "groups/demo/live/"))
          .PUT(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode()).isEqualTo(405);
      assertThat(Demos.get(client, name).getSpec().getConsumers().getReplicas()).isEqualTo(3);

      long rebalances = (Long) browser.script("return window.cgdemo.frame.rebalances.length");
      String leaving = name + "-consumer-2";
      long left = System.nanoTime();
      members.remove(2).close();
      await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
        assertThat(browser.driver().findElements(By.cssSelector("#members tr[data-member='" + leaving + "']"))).isEmpty();
        assertThat(ownedBy(browser)).containsOnlyKeys(name + "-consumer-0", name + "-consumer-1");
        assertThat((Long) browser.script("return window.cgdemo.frame.rebalances.length")).isGreaterThan(rebalances);
      });
      LOG.info("operator page showed the leave {} ms after the member closed; update latency median {} ms",
          (System.nanoTime() - left) / 1_000_000, median(browser.script("return window.cgdemo.latencyMs.slice(1)")));
      browser.screenshot(Path.of("target", "screenshots", "operator-after-leave.png"));
      assertThat(browser.driver().findElement(By.id("lost")).getText()).isEqualTo("0");
    }
  }

  @Test
  void withActionsScalePatchesOnlyReplicasAndDeletePodTakesOnlyThisResourcesConsumerPods() throws Exception {
    String name = "acting";
    OperatorPages pages = new OperatorPages(client, true);
    try (CgdemoOperator operator = CgdemoOperator.start(client, Demos.mockServerSettings(cluster.getBootstrapServers()),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), pages);
         HealthServer server = HealthServer.start(0, operator::runtimeInfo, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), pages)) {
      createWithoutProducer(name);
      String page = "http://127.0.0.1:" + server.port() + "/groups/demo/acting/";
      await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(WAIT).until(() -> send(HttpRequest.newBuilder(URI.create(page + "frame")).build()).statusCode() == 200);
      ConsumerGroupDemo before = Demos.get(client, name);

      assertThat(send(HttpRequest.newBuilder(URI.create(page + "actions/scale-up"))
          .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).as("no action header").isEqualTo(403);
      assertThat(post(page + "actions/scale-up", "").statusCode()).isEqualTo(202);
      ConsumerGroupDemo after = Demos.get(client, name);
      assertThat(after.getSpec().getConsumers().getReplicas()).isEqualTo(4);
      after.getSpec().getConsumers().setReplicas(3);
      assertThat(after.getSpec()).as("nothing else in the spec changed").usingRecursiveComparison().isEqualTo(before.getSpec());
      assertThat(post(page + "actions/scale-down", "").statusCode()).isEqualTo(202);
      assertThat(Demos.get(client, name).getSpec().getConsumers().getReplicas()).isEqualTo(3);

      client.pods().inNamespace("demo").resource(new PodBuilder().withNewMetadata().withName("bystander")
          .withLabels(Map.of("app", "other")).endMetadata().build()).create();
      client.pods().inNamespace("demo").resource(new PodBuilder().withNewMetadata().withName("other-consumer-0")
          .withLabels(Map.of("app.kubernetes.io/name", "consumer-group-demo", "app.kubernetes.io/instance", "other",
              "app.kubernetes.io/component", "consumer")).endMetadata().build()).create();
      client.pods().inNamespace("demo").resource(new PodBuilder().withNewMetadata().withName("acting-consumer-1")
          .withLabels(Map.of("app.kubernetes.io/name", "consumer-group-demo", "app.kubernetes.io/instance", name,
              "app.kubernetes.io/component", "consumer")).endMetadata().build()).create();
      assertThat(post(page + "actions/delete-pod", "member=bystander").statusCode()).isEqualTo(400);
      assertThat(post(page + "actions/delete-pod", "member=other-consumer-0").statusCode()).isEqualTo(400);
      assertThat(post(page + "actions/delete-pod", "member=..%2Fx").statusCode()).isEqualTo(400);
      assertThat(client.pods().inNamespace("demo").withName("bystander").get()).isNotNull();
      assertThat(client.pods().inNamespace("demo").withName("other-consumer-0").get()).isNotNull();
      assertThat(post(page + "actions/delete-pod", "member=acting-consumer-1").statusCode()).isEqualTo(202);
      assertThat(client.pods().inNamespace("demo").withName("acting-consumer-1").get()).isNull();
      assertThat(post(page + "actions/rename", "").statusCode()).isEqualTo(400);
    }
  }

  private void createWithoutProducer(String name) {
    ConsumerGroupDemo demo = Demos.demo(name, 3, 3);
    demo.getSpec().getProducer().setEnabled(false);
    Demos.create(client, demo);
    await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(WAIT).until(() -> Demos.hasCondition(client, name, "Ready", "True", "Reconciled"));
  }

  private void startMembers(String name, int count) {
    audit = new AuditPublisher(cluster.getBootstrapServers(), name, name + "-group", Map.of());
    for (int i = 0; i < count; i++) {
      GroupMember member = new GroupMember(ConsumerSettings.of(cluster.getBootstrapServers(), name, name + "-group",
          name + "-consumer-" + i).withKafkaProperties(Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "10000")),
          MemberListener.all(audit));
      audit.attach(member);
      members.add(member);
      member.start();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<Long>> ownedBy(BrowserSession browser) {
    Object owned = browser.script("const f = window.cgdemo && window.cgdemo.frame; if (!f) return {};"
        + "return Object.fromEntries(f.members.map(m => [m.id, m.partitions]));");
    return (Map<String, List<Long>>) owned;
  }

  private HttpResponse<String> post(String url, String form) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).header("X-Cgdemo-Action", "1")
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static double median(Object list) {
    List<Double> sorted = ((List<?>) list).stream().map(o -> ((Number) o).doubleValue()).sorted().toList();
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
  }
}

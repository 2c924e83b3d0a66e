package dev.cgdemo.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.operator.cleanup.ReleaseCleanup;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The pre-delete hook's command on fabric8's mock API server (CRUD mode, which keeps an object until its finalizers are gone). */
@EnableKubernetesMockClient(crud = true)
class CleanupCommandTest {

  private static final String NAMESPACE = "demo";
  private static final String FINALIZER = "consumergroupdemos.cgdemo.dev/finalizer";

  static KubernetesClient client;

  @BeforeEach
  void emptyNamespace() {
    names().forEach(CleanupCommandTest::clearFinalizers);
    client.resources(ConsumerGroupDemo.class).inNamespace(NAMESPACE).delete();
  }

  @Test
  void deletesTheReleasesResourcesOnlyAndWaitsForTheOperatorToLetThemGo() throws Exception {
    create("of-release", Map.of(ReleaseCleanup.RELEASE_NAME, "cgdemo", ReleaseCleanup.RELEASE_NAMESPACE, "cgdemo-system"));
    create("other-release", Map.of(ReleaseCleanup.RELEASE_NAME, "other", ReleaseCleanup.RELEASE_NAMESPACE, "cgdemo-system"));
    create("same-name-other-namespace", Map.of(ReleaseCleanup.RELEASE_NAME, "cgdemo", ReleaseCleanup.RELEASE_NAMESPACE, "elsewhere"));
    create("applied-by-hand", Map.of());
    CompletableFuture<Void> operator = removeFinalizerOnceDeleting("of-release");

    int exit = run("--release=cgdemo", "--release-namespace=cgdemo-system", "--namespace=" + NAMESPACE, "--timeout=20s");

    assertThat(exit).isZero();
    operator.get(5, TimeUnit.SECONDS);
    assertThat(names()).containsExactly("applied-by-hand", "other-release", "same-name-other-namespace");
    assertThat(client.resources(ConsumerGroupDemo.class).inNamespace(NAMESPACE).list().getItems())
        .allSatisfy(left -> assertThat(left.getMetadata().getDeletionTimestamp()).isNull());
  }

  @Test
  void aFinalizerNobodyRemovesEndsWithExitOneAfterTheTimeout() throws Exception {
    create("stuck", Map.of(ReleaseCleanup.RELEASE_NAME, "cgdemo", ReleaseCleanup.RELEASE_NAMESPACE, NAMESPACE));

    int exit = run("--release=cgdemo", "--release-namespace=" + NAMESPACE, "--timeout=1s");

    assertThat(exit).isEqualTo(1);
    ConsumerGroupDemo stuck = client.resources(ConsumerGroupDemo.class).inNamespace(NAMESPACE).withName("stuck").get();
    assertThat(stuck.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(stuck.getMetadata().getFinalizers()).containsExactly(FINALIZER);
  }

  @Test
  void nothingOfTheReleaseIsNothingToDo() throws Exception {
    create("applied-by-hand", Map.of());

    assertThat(run("--release=cgdemo", "--release-namespace=" + NAMESPACE, "--timeout=1s")).isZero();
    assertThat(names()).containsExactly("applied-by-hand");
  }

  @Test
  void aBadValueExitsWithTwoNamingTheFlagAndWhatIsAllowed() {
    assertThat(runThroughOperatorMain("cleanup", "--release=cgdemo", "--release-namespace=ns", "--timeout=soon"))
        .startsWith("2|").contains("--timeout").contains("90s");
    assertThat(runThroughOperatorMain("cleanup", "--release=Cg_Demo", "--release-namespace=ns"))
        .startsWith("2|").contains("--release").contains("allowed: a Helm release name");
    assertThat(runThroughOperatorMain("cleanup", "--release=cgdemo", "--release-namespace=ns", "--namespace=Demo"))
        .startsWith("2|").contains("--namespace").contains("allowed: a namespace name");
    if (System.getenv("CGDEMO_RELEASE") == null) {
      assertThat(runThroughOperatorMain("cleanup", "--release-namespace=ns")).startsWith("2|").contains("'--release': ''");
    }
  }

  @Test
  void everyFlagHasAnEnvironmentTwin() {
    var options = new CommandLine(new CleanupCommand()).getCommandSpec().options();
    Map<String, String> twins = Map.of("--release", "CGDEMO_RELEASE", "--release-namespace", "CGDEMO_RELEASE_NAMESPACE",
        "--namespace", "CGDEMO_CLEANUP_NAMESPACE", "--timeout", "CGDEMO_CLEANUP_TIMEOUT");
    twins.forEach((flag, env) -> {
      var option = options.stream().filter(o -> o.longestName().equals(flag)).findFirst().orElseThrow();
      assertThat(option.defaultValueString(false)).as(flag).startsWith("${env:" + env + ":-");
      assertThat(String.join(" ", option.description())).as(flag).contains("env " + env);
    });
  }

  private static int run(String... args) {
    // the command closes its client, as it does in the hook's pod
    KubernetesClient own = new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
    return new CommandLine(new CleanupCommand(() -> own)).execute(args);
  }

  private static String runThroughOperatorMain(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new OperatorMain());
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return code + "|" + err;
  }

  private static void create(String name, Map<String, String> annotations) {
    ConsumerGroupDemo demo = Demos.demo(name, 1, 1);
    demo.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).withAnnotations(annotations)
        .withFinalizers(FINALIZER).build());
    client.resources(ConsumerGroupDemo.class).inNamespace(NAMESPACE).resource(demo).create();
  }

  /** What the operator does on deletion: its cleanup, then the finalizer goes. */
  private static CompletableFuture<Void> removeFinalizerOnceDeleting(String name) {
    return client.resources(ConsumerGroupDemo.class).inNamespace(NAMESPACE).withName(name)
        .informOnCondition(found -> found.stream().anyMatch(r -> r.getMetadata().getDeletionTimestamp() != null))
        .thenAccept(deleting -> clearFinalizers(name));
  }

  private static void clearFinalizers(String name) {
    client.resources(ConsumerGroupDemo.class).inNamespace(NAMESPACE).withName(name).edit(r -> {
      r.getMetadata().setFinalizers(List.of());
      return r;
    });
  }

  private static List<String> names() {
    return client.resources(ConsumerGroupDemo.class).inNamespace(NAMESPACE).list().getItems().stream()
        .map(r -> r.getMetadata().getName()).sorted().toList();
  }
}

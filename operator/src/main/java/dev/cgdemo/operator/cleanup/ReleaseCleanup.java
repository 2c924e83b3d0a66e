package dev.cgdemo.operator.cleanup;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the ConsumerGroupDemo resources a Helm release created in one namespace (Helm marks each object it
 * creates with the annotations {@value #RELEASE_NAME} and {@value #RELEASE_NAMESPACE}) and waits until they are
 * gone, that is until the operator, still running, has processed their finalizers. Run by the chart's pre-delete
 * hook: once it returns, Helm may delete the operator.
 */
public final class ReleaseCleanup {

  public static final String RELEASE_NAME = "meta.helm.sh/release-name";
  public static final String RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";
  private static final Logger LOG = LoggerFactory.getLogger(ReleaseCleanup.class);
  /** How often the wait also lists the resources, in case the watch missed a deletion. */
  private static final Duration RELIST = Duration.ofSeconds(2);

  /** What is left when the wait ended: empty when every resource of the release is gone. */
  public record Outcome(List<String> deleted, List<String> remaining) {
    public boolean clean() {
      return remaining.isEmpty();
    }
  }

  private final KubernetesClient client;
  private final String release;
  private final String releaseNamespace;
  private final String namespace;

  public ReleaseCleanup(KubernetesClient client, String release, String releaseNamespace, String namespace) {
    this.client = client;
    this.release = release;
    this.releaseNamespace = releaseNamespace;
    this.namespace = namespace;
  }

  public Outcome run(Duration timeout) throws InterruptedException {
    var resources = resources();
    List<String> deleted = resources.list().getItems().stream().filter(this::ofRelease)
        .map(resource -> resource.getMetadata().getName())
        .toList();
    if (deleted.isEmpty()) {
      LOG.info("no ConsumerGroupDemo of release {}/{} in namespace {}", releaseNamespace, release, namespace);
      return new Outcome(deleted, List.of());
    }
    for (String name : deleted) {
      LOG.info("deleting ConsumerGroupDemo {}/{} (release {}/{})", namespace, name, releaseNamespace, release);
      resources.withName(name).delete();
    }
    CompletableFuture<List<ConsumerGroupDemo>> gone = resources.informOnCondition(list -> list.stream().noneMatch(this::ofRelease));
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      List<String> remaining = remaining();
      while (!remaining.isEmpty() && System.nanoTime() < deadline) {
        long wait = Math.min(deadline - System.nanoTime(), RELIST.toNanos());
        // the watch's answer, or a list of our own: a deletion the watch did not deliver
        remaining = completesWithin(gone, wait) ? List.of() : remaining();
      }
      if (!remaining.isEmpty()) {
        LOG.error("still there after {}: {}. The operator removes the finalizer: is it running and does it watch namespace {}?"
            + " Its log says why it keeps one (e.g. Kafka unreachable with spec.topic.deleteWithResource)", timeout, remaining, namespace);
        return new Outcome(deleted, remaining);
      }
      LOG.info("gone: {}", deleted);
      return new Outcome(deleted, List.of());
    } finally {
      gone.cancel(true);
    }
  }

  private boolean completesWithin(CompletableFuture<?> future, long nanos) throws InterruptedException {
    try {
      future.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("watching ConsumerGroupDemo resources in " + namespace + " failed", e.getCause());
    }
  }

  private List<String> remaining() {
    return resources().list().getItems().stream().filter(this::ofRelease).map(ReleaseCleanup::describe).toList();
  }

  private NonNamespaceOperation<ConsumerGroupDemo, KubernetesResourceList<ConsumerGroupDemo>, Resource<ConsumerGroupDemo>> resources() {
    return client.resources(ConsumerGroupDemo.class).inNamespace(namespace);
  }

  private boolean ofRelease(ConsumerGroupDemo resource) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return annotations != null && release.equals(annotations.get(RELEASE_NAME)) && releaseNamespace.equals(annotations.get(RELEASE_NAMESPACE));
  }

  private static String describe(ConsumerGroupDemo resource) {
    return resource.getMetadata().getName() + " (finalizers " + resource.getMetadata().getFinalizers() + ")";
  }
}

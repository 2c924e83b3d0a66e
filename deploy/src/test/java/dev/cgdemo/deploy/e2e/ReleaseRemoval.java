package dev.cgdemo.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removing the release the README's way and proving nothing of it is left: the sample's resource and children
 * and pods, the operator and its RBAC, the uninstall hook's Job, pods and RBAC, Helm's release record. The CRD
 * stays (Helm never deletes `crds/`), so does the release namespace `--create-namespace` made.
 */
final class ReleaseRemoval {

    private static final String INSTANCE = "app.kubernetes.io/instance";

    private final KubernetesClient client;
    private final E2eSettings settings;
    private final String sample;

    ReleaseRemoval(KubernetesClient client, E2eSettings settings, String sample) {
        this.client = client;
        this.settings = settings;
        this.sample = sample;
    }

    /** README step 9: a resource applied by hand is deleted first, then `helm uninstall`; at most ~2 minutes of waiting. */
    void uninstallAndAssertNothingLeft() {
        try {
            GenericKubernetesResource byHand = client.genericKubernetesResources(ConsumerGroupDemoE2E.CGD).inNamespace(settings.namespace()).withName(sample).get();
            if (byHand != null && !settings.release().equals(annotation(byHand, "meta.helm.sh/release-name"))) {
                client.genericKubernetesResources(ConsumerGroupDemoE2E.CGD).inNamespace(settings.namespace()).withName(sample).delete();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> sampleResource().isEmpty());
            }
            Helm.uninstall(settings.release()).withNamespace(settings.operatorNamespace()).withKubeConfig(settings.kubeconfig()).call();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(leftovers()).as("left of release %s after helm uninstall", settings.release()).isEmpty());
        } finally {
            if (!leftovers().isEmpty()) {
                forceRemove();
            }
        }
    }

    /** Not the path under test: clears what a failed run left (finalizers by hand, uninstall without hooks). */
    void forceRemove() {
        String hook = settings.release() + "-cleanup";
        String operatorNs = settings.operatorNamespace();
        quietly("finalizers", () -> sampleResource().ifPresent(resource -> client.genericKubernetesResources(ConsumerGroupDemoE2E.CGD)
                .inNamespace(settings.namespace()).withName(sample).patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}")));
        quietly("hook log", () -> {
            if (client.batch().v1().jobs().inNamespace(operatorNs).withName(hook).get() != null) {
                System.out.printf("e2e: log of the uninstall hook's Job %s:%n%s%n", hook,
                        client.batch().v1().jobs().inNamespace(operatorNs).withName(hook).getLog());
            }
        });
        quietly("helm uninstall --no-hooks", () -> Helm.uninstall(settings.release()).withNamespace(operatorNs)
                .withKubeConfig(settings.kubeconfig()).noHooks().ignoreNotFound().call());
        quietly("hook objects", () -> {
            client.batch().v1().jobs().inNamespace(operatorNs).withName(hook).delete();
            client.serviceAccounts().inNamespace(operatorNs).withName(hook).delete();
            client.rbac().roles().inNamespace(settings.namespace()).withName(hook).delete();
            client.rbac().roleBindings().inNamespace(settings.namespace()).withName(hook).delete();
        });
    }

    private void quietly(String step, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            System.out.printf("e2e: forced removal of release %s, %s: %s%n", settings.release(), step, e.getMessage());
        }
    }

    /** "Kind namespace/name" of every object of the release still there. */
    List<String> leftovers() {
        String ns = settings.namespace();
        String operatorNs = settings.operatorNamespace();
        Map<String, String> ofSample = Map.of(INSTANCE, sample);
        Map<String, String> ofRelease = Map.of(INSTANCE, settings.release());
        List<HasMetadata> left = new ArrayList<>();
        sampleResource().ifPresent(left::add);
        left.addAll(client.apps().statefulSets().inNamespace(ns).withLabels(ofSample).list().getItems());
        left.addAll(client.apps().deployments().inNamespace(ns).withLabels(ofSample).list().getItems());
        left.addAll(client.services().inNamespace(ns).withLabels(ofSample).list().getItems());
        left.addAll(client.pods().inNamespace(ns).withLabels(ofSample).list().getItems());
        left.addAll(client.rbac().roles().inNamespace(ns).withLabels(ofRelease).list().getItems());
        left.addAll(client.rbac().roleBindings().inNamespace(ns).withLabels(ofRelease).list().getItems());
        left.addAll(client.apps().deployments().inNamespace(operatorNs).withLabels(ofRelease).list().getItems());
        left.addAll(client.batch().v1().jobs().inNamespace(operatorNs).withLabels(ofRelease).list().getItems());
        left.addAll(client.pods().inNamespace(operatorNs).withLabels(ofRelease).list().getItems());
        left.addAll(client.serviceAccounts().inNamespace(operatorNs).withLabels(ofRelease).list().getItems());
        left.addAll(client.rbac().clusterRoles().withLabels(ofRelease).list().getItems());
        left.addAll(client.rbac().clusterRoleBindings().withLabels(ofRelease).list().getItems());
        left.addAll(client.secrets().inNamespace(operatorNs).withLabels(Map.of("owner", "helm", "name", settings.release())).list().getItems());
        return left.stream().map(ReleaseRemoval::describe).toList();
    }

    private Optional<GenericKubernetesResource> sampleResource() {
        return Optional.ofNullable(client.genericKubernetesResources(ConsumerGroupDemoE2E.CGD).inNamespace(settings.namespace()).withName(sample).get());
    }

    private static String annotation(HasMetadata object, String key) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    private static String describe(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return object.getKind() + " " + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
    }
}

package dev.cgdemo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * With the sample in the release, `helm uninstall` first runs a pre-delete Job that deletes it while the
 * operator still runs; the Job's RBAC is exactly what `cgdemo-operator cleanup` declares, in the sample's
 * namespace only, and every hook object is removed once it succeeded. {@link CleanupOnMockServerTest} runs the
 * rendered Job's command.
 */
class UninstallHookTest {

    static final String HOOK = "cgdemo-cleanup";

    @Test
    void withoutTheSampleThereIsNoHook() {
        assertThat(ChartRenderer.renderObjects(Map.of())).noneMatch(ChartRenderer::isHook);
    }

    @Test
    void withTheSampleTheHookIsAJobAndItsRbacRunBeforeDeletionAndRemovedAfterSuccess() {
        List<ObjectNode> hooks = ChartRenderer.renderObjects(ChartRenderer.sameAsK8sDirectory()).stream().filter(ChartRenderer::isHook).toList();

        assertThat(hooks).extracting(YamlDocuments::identity).containsExactlyInAnyOrder(
                "ServiceAccount cgdemo-system/" + HOOK,
                "Role default/" + HOOK,
                "RoleBinding default/" + HOOK,
                "Job cgdemo-system/" + HOOK);
        assertThat(hooks).allSatisfy(hook -> {
            ObjectNode annotations = (ObjectNode) hook.path("metadata").path("annotations");
            assertThat(annotations.path("helm.sh/hook").asText()).as(YamlDocuments.identity(hook)).isEqualTo("pre-delete");
            assertThat(annotations.path("helm.sh/hook-delete-policy").asText()).as(YamlDocuments.identity(hook))
                    .isEqualTo("before-hook-creation,hook-succeeded");
        });
        // the RBAC exists before the Job starts
        assertThat(hooks).filteredOn(hook -> !hook.path("kind").asText().equals("Job"))
                .allSatisfy(hook -> assertThat(hook.path("metadata").path("annotations").path("helm.sh/hook-weight").asText()).isEqualTo("-1"));
        assertThat(hooks).filteredOn(hook -> hook.path("kind").asText().equals("Job"))
                .singleElement().satisfies(job -> assertThat(job.path("metadata").path("annotations").path("helm.sh/hook-weight").asText()).isEqualTo("0"));
    }

    @Test
    void theJobRunsTheOperatorsCleanupForThisReleaseAsTheHooksServiceAccount() {
        List<HasMetadata> objects = TypedObjects.toTyped(ChartRenderer.renderObjects(ChartRenderer.sameAsK8sDirectory()));
        Job job = job(objects);
        var pod = job.getSpec().getTemplate().getSpec();
        var container = pod.getContainers().get(0);

        assertThat(pod.getServiceAccountName()).isEqualTo(HOOK);
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(150L);
        assertThat(container.getImage()).isEqualTo("cgdemo/operator:0.1.0");
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(container.getArgs()).containsExactly("cleanup", "--release=cgdemo", "--release-namespace=cgdemo-system",
                "--namespace=default", "--timeout=90s");
        RoleBinding binding = objects.stream().filter(o -> o instanceof RoleBinding && o.getMetadata().getName().equals(HOOK))
                .map(RoleBinding.class::cast).findFirst().orElseThrow();
        assertThat(binding.getMetadata().getNamespace()).isEqualTo("default");
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getRoleRef().getName()).isEqualTo(HOOK);
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo(HOOK);
            assertThat(subject.getNamespace()).isEqualTo("cgdemo-system");
        });
    }

    @Test
    void theSampleInTheReleaseNamespaceKeepsTheHooksRbacThere() {
        List<HasMetadata> objects = TypedObjects.toTyped(ChartRenderer.renderObjects(Map.of("demo.enabled", true)));

        assertThat(ClusterRoleRules.ofRole(objects, ChartRenderer.NAMESPACE, HOOK)).isEqualTo(declared());
        assertThat(job(objects).getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).contains("--namespace=cgdemo-system");
    }

    @Test
    void theHooksRoleGrantsExactlyWhatTheCleanupCommandDeclares() {
        var objects = TypedObjects.toTyped(ChartRenderer.renderObjects(ChartRenderer.sameAsK8sDirectory()));

        assertThat(ClusterRoleRules.ofRole(objects, "default", HOOK)).isEqualTo(declared());
        assertThat(declared()).containsExactlyInAnyOrder("cgdemo.dev consumergroupdemos list", "cgdemo.dev consumergroupdemos watch",
                "cgdemo.dev consumergroupdemos delete");
    }

    static Set<String> declared() {
        return ClusterRoleRules.declaredByOperator(RepoFiles.read(RepoFiles.root().resolve("operator/src/main/java/dev/cgdemo/operator/CleanupCommand.java")));
    }

    static Job job(List<HasMetadata> objects) {
        return objects.stream().filter(o -> o instanceof Job && o.getMetadata().getName().equals(HOOK))
                .map(Job.class::cast).findFirst().orElseThrow();
    }
}

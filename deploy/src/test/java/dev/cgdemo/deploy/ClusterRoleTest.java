package dev.cgdemo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operator's ClusterRole in k8s/ and in the chart grants exactly the API use the operator
 * declares (OperatorMain's Javadoc table). {@link OperatorOnMockServerTest} checks the other
 * direction: every request the running operator makes is granted.
 */
class ClusterRoleTest {

    @Test
    void k8sDirectoryGrantsExactlyWhatTheOperatorDeclares() {
        assertThat(ClusterRoleRules.of(TypedObjects.k8sDirectory(), "cgdemo-operator")).isEqualTo(declared());
    }

    @Test
    void chartGrantsExactlyWhatTheOperatorDeclares() {
        var rendered = TypedObjects.toTyped(ChartRenderer.renderObjects(ChartRenderer.sameAsK8sDirectory()));
        assertThat(ClusterRoleRules.of(rendered, "cgdemo-operator")).isEqualTo(declared());
    }

    @Test
    void podsAreDeletedOnlyWithUiActions() {
        var withActions = new java.util.HashMap<>(ChartRenderer.sameAsK8sDirectory());
        withActions.put("ui.actions", true);
        var rendered = TypedObjects.toTyped(ChartRenderer.renderObjects(withActions));
        Set<String> granted = ClusterRoleRules.of(rendered, "cgdemo-operator");
        assertThat(granted).isEqualTo(ClusterRoleRules.declaredByOperator(operatorMain(), true, false));
        assertThat(granted).filteredOn(call -> call.contains("pods")).containsExactlyInAnyOrder("core pods get", "core pods delete");
        assertThat(declared()).filteredOn(call -> call.contains("pods")).containsExactly("core pods get");
        Deployment operator = rendered.stream().filter(o -> o instanceof Deployment && o.getMetadata().getName().equals("cgdemo-operator"))
                .map(Deployment.class::cast).findFirst().orElseThrow();
        assertThat(operator.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .filteredOn(e -> e.getName().equals("CGDEMO_UI_ACTIONS")).extracting(EnvVar::getValue).containsExactly("true");
    }

    @Test
    void withChaosEnabledTheChartGrantsListAndDeleteOnPodsAndStartsTheOperatorWithChaos() {
        Map<String, Object> values = new HashMap<>(ChartRenderer.sameAsK8sDirectory());
        values.put("chaos.enabled", true);
        var rendered = TypedObjects.toTyped(ChartRenderer.renderObjects(values));
        java.util.Set<String> withChaos = ClusterRoleRules.declaredByOperator(operatorMain(), false, true);
        assertThat(ClusterRoleRules.of(rendered, "cgdemo-operator")).isEqualTo(withChaos);
        assertThat(withChaos).containsAll(declared()).contains("core pods list", "core pods delete")
                .hasSize(declared().size() + 2);
        assertThat(chaosEnv(rendered)).containsExactly("true");
    }

    @Test
    void withoutChaosPodsAreOnlyReadAndTheOperatorRunsWithoutChaos() {
        for (List<HasMetadata> objects : List.of(TypedObjects.k8sDirectory(),
                TypedObjects.toTyped(ChartRenderer.renderObjects(ChartRenderer.sameAsK8sDirectory())))) {
            assertThat(ClusterRoleRules.of(objects, "cgdemo-operator")).filteredOn(call -> call.contains("pods"))
                    .containsExactly("core pods get");
            assertThat(chaosEnv(objects)).containsExactly("false");
        }
    }

    private static List<String> chaosEnv(List<HasMetadata> objects) {
        Deployment operator = objects.stream().filter(o -> o instanceof Deployment && o.getMetadata().getName().equals("cgdemo-operator"))
                .map(Deployment.class::cast).findFirst().orElseThrow();
        return operator.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("CGDEMO_CHAOS")).map(EnvVar::getValue).toList();
    }

    private static String operatorMain() {
        return RepoFiles.read(RepoFiles.root().resolve("operator/src/main/java/dev/cgdemo/operator/OperatorMain.java"));
    }

    @Test
    void theOperatorRunsWithoutLeaderElectionSoNeedsNoLeases() {
        for (List<HasMetadata> objects : List.of(TypedObjects.k8sDirectory(),
                TypedObjects.toTyped(ChartRenderer.renderObjects(ChartRenderer.sameAsK8sDirectory())))) {
            Deployment operator = objects.stream().filter(o -> o instanceof Deployment && o.getMetadata().getName().equals("cgdemo-operator"))
                    .map(Deployment.class::cast).findFirst().orElseThrow();
            var replicas = operator.getSpec().getReplicas();
            var env = operator.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            assertThat(replicas).isEqualTo(1);
            assertThat(env).filteredOn(e -> e.getName().equals("CGDEMO_LEADER_ELECTION")).extracting(EnvVar::getValue).containsExactly("false");
        }
    }

    @Test
    void theDeclaredTableIsRead() {
        assertThat(declared()).contains("cgdemo.dev consumergroupdemos watch", "cgdemo.dev consumergroupdemos/status patch",
                "apps statefulsets create", "core services delete", "core events create")
                .noneMatch(call -> call.contains("leases"));
    }

    private static Set<String> declared() {
        return ClusterRoleRules.declaredByOperator(operatorMain(), false, false);
    }
}

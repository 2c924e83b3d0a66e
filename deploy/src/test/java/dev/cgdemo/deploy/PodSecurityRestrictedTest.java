package dev.cgdemo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every container of k8s/ and of the rendered chart meets Pod Security "restricted" (1.20 has no admission to check it). */
class PodSecurityRestrictedTest {

    @Test
    void everyWorkloadInK8sDirectoryIsRestricted() {
        assertRestricted(TypedObjects.k8sDirectory(), 2);
    }

    @Test
    void everyWorkloadInTheRenderedChartIsRestricted() {
        // the operator, Kafka and the uninstall hook's Job
        assertRestricted(TypedObjects.toTyped(ChartRenderer.renderObjects(ChartRenderer.sameAsK8sDirectory())), 3);
    }

    @Test
    void theCheckFindsWhatBreaksTheStandard() {
        PodSpec rootPod = new PodSpecBuilder()
                .addNewContainer().withName("app").withImage("x:1")
                    .withNewSecurityContext().withPrivileged(true).withNewCapabilities().addToAdd("NET_ADMIN").endCapabilities().endSecurityContext()
                    .addNewPort().withContainerPort(80).withHostPort(80).endPort()
                .endContainer()
                .addNewVolume().withName("host").withNewHostPath().withPath("/").endHostPath().endVolume()
                .withHostNetwork(true)
                .build();

        assertThat(RestrictedPodSecurity.violations(rootPod)).containsExactlyInAnyOrder(
                "pod: host namespaces (hostNetwork/hostPID/hostIPC) must not be used",
                "volume host: type hostPath is not allowed",
                "container app: privileged must not be true",
                "container app: allowPrivilegeEscalation must be false",
                "container app: runAsNonRoot must be true (on the pod or the container)",
                "container app: seccompProfile must be RuntimeDefault or Localhost (on the pod or the container)",
                "container app: capabilities must drop ALL",
                "container app: capability NET_ADMIN must not be added",
                "container app: hostPort 80 must not be used");
    }

    @Test
    void aContainerMayNotUndoThePodsNonRootSetting() {
        PodSpec pod = new PodSpecBuilder()
                .withNewSecurityContext().withRunAsNonRoot(true).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
                .addNewContainer().withName("app").withImage("x:1")
                    .withNewSecurityContext().withRunAsNonRoot(false).withAllowPrivilegeEscalation(false)
                    .withNewCapabilities().addToDrop("ALL").endCapabilities().endSecurityContext()
                .endContainer()
                .build();

        assertThat(RestrictedPodSecurity.violations(pod)).containsExactly("container app: runAsNonRoot must be true (on the pod or the container)");
    }

    private static void assertRestricted(List<HasMetadata> objects, int expectedWorkloads) {
        var workloads = objects.stream().filter(o -> TypedObjects.podSpec(o).isPresent()).toList();
        assertThat(workloads).hasSize(expectedWorkloads);
        for (HasMetadata workload : workloads) {
            PodSpec pod = TypedObjects.podSpec(workload).orElseThrow();
            assertThat(pod.getContainers()).isNotEmpty();
            assertThat(RestrictedPodSecurity.violations(pod)).as(TypedObjects.describe(workload)).isEmpty();
        }
    }
}

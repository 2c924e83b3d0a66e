package dev.cgdemo.deploy;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Pod Security Standard "restricted" (baseline included), checked statically: the clusters we
 * test on (Kubernetes 1.20) have no Pod Security admission to do it. Rules from
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/ (policy version latest).
 */
final class RestrictedPodSecurity {

    private static final Set<String> ALLOWED_VOLUME_TYPES = Set.of(
            "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");

    private RestrictedPodSecurity() {
    }

    /** What breaks the standard, one line per problem, naming the container; empty when the pod spec complies. */
    static List<String> violations(PodSpec pod) {
        List<String> problems = new ArrayList<>();
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
            problems.add("pod: host namespaces (hostNetwork/hostPID/hostIPC) must not be used");
        }
        for (Volume volume : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
            String type = volumeType(volume);
            if (!ALLOWED_VOLUME_TYPES.contains(type)) {
                problems.add("volume " + volume.getName() + ": type " + type + " is not allowed");
            }
        }
        PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        if (podContext.getRunAsUser() != null && podContext.getRunAsUser() == 0) {
            problems.add("pod: runAsUser must not be 0");
        }
        if (podContext.getSysctls() != null && !podContext.getSysctls().isEmpty()) {
            problems.add("pod: sysctls must not be set");
        }
        if (isUnconfined(podContext.getSeccompProfile())) {
            problems.add("pod: seccompProfile must be RuntimeDefault or Localhost");
        }
        allContainers(pod).forEach(container -> problems.addAll(containerViolations(container, podContext)));
        return problems;
    }

    private static List<String> containerViolations(Container container, PodSecurityContext podContext) {
        String who = "container " + container.getName() + ": ";
        List<String> problems = new ArrayList<>();
        SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
        if (Boolean.TRUE.equals(context.getPrivileged())) {
            problems.add(who + "privileged must not be true");
        }
        if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
            problems.add(who + "allowPrivilegeEscalation must be false");
        }
        boolean nonRoot = context.getRunAsNonRoot() != null
                ? context.getRunAsNonRoot()
                : Boolean.TRUE.equals(podContext.getRunAsNonRoot());
        if (!nonRoot) {
            problems.add(who + "runAsNonRoot must be true (on the pod or the container)");
        }
        if (context.getRunAsUser() != null && context.getRunAsUser() == 0) {
            problems.add(who + "runAsUser must not be 0");
        }
        SeccompProfile seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile() : podContext.getSeccompProfile();
        if (seccomp == null || isUnconfined(seccomp)) {
            problems.add(who + "seccompProfile must be RuntimeDefault or Localhost (on the pod or the container)");
        }
        Capabilities capabilities = Optional.ofNullable(context.getCapabilities()).orElseGet(Capabilities::new);
        if (capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
            problems.add(who + "capabilities must drop ALL");
        }
        Optional.ofNullable(capabilities.getAdd()).orElse(List.of()).stream()
                .filter(added -> !added.equals("NET_BIND_SERVICE"))
                .forEach(added -> problems.add(who + "capability " + added + " must not be added"));
        Optional.ofNullable(container.getPorts()).orElse(List.of()).stream()
                .filter(port -> port.getHostPort() != null && port.getHostPort() != 0)
                .forEach(port -> problems.add(who + "hostPort " + port.getHostPort() + " must not be used"));
        if (context.getProcMount() != null && !context.getProcMount().equals("Default")) {
            problems.add(who + "procMount must be Default");
        }
        return problems;
    }

    private static boolean isUnconfined(SeccompProfile profile) {
        return profile != null && !("RuntimeDefault".equals(profile.getType()) || "Localhost".equals(profile.getType()));
    }

    private static Stream<Container> allContainers(PodSpec pod) {
        return Stream.of(pod.getInitContainers(), pod.getContainers())
                .filter(list -> list != null)
                .flatMap(List::stream);
    }

    private static String volumeType(Volume volume) {
        if (volume.getConfigMap() != null) return "configMap";
        if (volume.getCsi() != null) return "csi";
        if (volume.getDownwardAPI() != null) return "downwardAPI";
        if (volume.getEmptyDir() != null) return "emptyDir";
        if (volume.getEphemeral() != null) return "ephemeral";
        if (volume.getPersistentVolumeClaim() != null) return "persistentVolumeClaim";
        if (volume.getProjected() != null) return "projected";
        if (volume.getSecret() != null) return "secret";
        if (volume.getHostPath() != null) return "hostPath";
        return "other";
    }
}

package dev.cgdemo.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Optional;

/** JSON trees from k8s/ or the chart, turned into fabric8's typed model. */
final class TypedObjects {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private TypedObjects() {
    }

    static HasMetadata toTyped(ObjectNode document) {
        return SERIALIZATION.unmarshal(YamlDocuments.toYaml(document));
    }

    static List<HasMetadata> toTyped(List<ObjectNode> documents) {
        return documents.stream().map(TypedObjects::toTyped).toList();
    }

    static List<HasMetadata> k8sDirectory() {
        return RepoFiles.k8sManifests().stream()
                .flatMap(file -> YamlDocuments.parse(RepoFiles.read(file)).stream())
                .map(TypedObjects::toTyped)
                .toList();
    }

    /** The pod template of a workload, or the pod itself; empty for objects that run no containers. */
    static Optional<PodSpec> podSpec(HasMetadata object) {
        if (object instanceof Deployment deployment) return Optional.of(deployment.getSpec().getTemplate().getSpec());
        if (object instanceof StatefulSet statefulSet) return Optional.of(statefulSet.getSpec().getTemplate().getSpec());
        if (object instanceof DaemonSet daemonSet) return Optional.of(daemonSet.getSpec().getTemplate().getSpec());
        if (object instanceof ReplicaSet replicaSet) return Optional.of(replicaSet.getSpec().getTemplate().getSpec());
        if (object instanceof Job job) return Optional.of(job.getSpec().getTemplate().getSpec());
        if (object instanceof Pod pod) return Optional.of(pod.getSpec());
        return Optional.empty();
    }

    static String describe(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return object.getKind() + " " + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
    }
}

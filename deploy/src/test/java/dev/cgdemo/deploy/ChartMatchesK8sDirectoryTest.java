package dev.cgdemo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The chart (release "cgdemo" in "cgdemo-system", Kafka in "kafka", sample on) renders the same
 * objects as k8s/, field for field, apart from Helm's own labels and the release namespace, which
 * `helm install --create-namespace` makes. The CRD is checked by {@link CrdCopiesTest}. Helm hooks are left
 * out: the uninstall hook ({@link UninstallHookTest}) is Helm's way to the order k8s/ documents (resources
 * before the operator).
 */
class ChartMatchesK8sDirectoryTest {

    @Test
    void chartAndK8sDirectoryDescribeTheSameObjects() {
        Map<String, ObjectNode> fromChart = byIdentity(ChartRenderer.renderObjects(ChartRenderer.sameAsK8sDirectory()).stream()
                .filter(o -> !ChartRenderer.isHook(o))
                .map(ChartMatchesK8sDirectoryTest::withoutHelmLabels));
        Map<String, ObjectNode> fromK8s = byIdentity(RepoFiles.k8sManifests().stream()
                // The chart's demo is web-events; other samples (chaos.yaml) are for kubectl apply only.
                .filter(file -> !file.getParent().getFileName().toString().equals("samples")
                        || file.getFileName().toString().equals("web-events.yaml"))
                .flatMap(file -> YamlDocuments.parse(RepoFiles.read(file)).stream())
                .filter(o -> !o.path("kind").asText().equals("CustomResourceDefinition"))
                .filter(o -> !YamlDocuments.identity(o).equals("Namespace " + ChartRenderer.NAMESPACE))
                .map(ChartMatchesK8sDirectoryTest::inDefaultNamespaceIfCustomResource));

        assertThat(fromChart.keySet()).containsExactlyElementsOf(fromK8s.keySet());
        fromK8s.forEach((identity, expected) ->
                assertThat(YamlDocuments.canonicalYaml(fromChart.get(identity))).as(identity).isEqualTo(YamlDocuments.canonicalYaml(expected)));
    }

    private static Map<String, ObjectNode> byIdentity(java.util.stream.Stream<ObjectNode> objects) {
        return objects.collect(Collectors.toMap(YamlDocuments::identity, Function.identity(), (a, b) -> {
            throw new AssertionError("duplicate object " + YamlDocuments.identity(a));
        }, TreeMap::new));
    }

    private static ObjectNode withoutHelmLabels(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        if (copy.path("metadata").path("labels") instanceof ObjectNode labels) {
            labels.remove("helm.sh/chart");
            if (labels.path("app.kubernetes.io/managed-by").asText().equals("Helm")) {
                labels.remove("app.kubernetes.io/managed-by");
            }
            if (labels.isEmpty()) {
                ((ObjectNode) copy.get("metadata")).remove("labels");
            }
        }
        return copy;
    }

    private static ObjectNode inDefaultNamespaceIfCustomResource(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        if (copy.path("kind").asText().equals("ConsumerGroupDemo") && !copy.path("metadata").has("namespace")) {
            ((ObjectNode) copy.get("metadata")).put("namespace", "default");
        }
        return copy;
    }
}

package dev.cgdemo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every document in k8s/ and in the rendered chart is a typed fabric8 object (a typo in a field name or kind shows here). */
class ManifestsParseTest {

    @Test
    void everyK8sDocumentParsesIntoATypedObject() {
        List<HasMetadata> objects = TypedObjects.k8sDirectory();

        assertThat(objects).extracting(TypedObjects::describe).contains(
                "Namespace cgdemo-system", "Deployment cgdemo-system/cgdemo-operator", "ClusterRole cgdemo-operator",
                "Namespace kafka", "Service kafka/kafka", "Deployment kafka/kafka",
                "CustomResourceDefinition consumergroupdemos.cgdemo.dev", "ConsumerGroupDemo web-events");
        assertThat(objects).filteredOn(o -> !o.getKind().equals("ConsumerGroupDemo"))
                .allSatisfy(o -> assertThat(o).as(TypedObjects.describe(o)).isNotInstanceOf(GenericKubernetesResource.class));
        assertThat(objects).filteredOn(o -> o.getKind().equals("CustomResourceDefinition"))
                .allSatisfy(o -> assertThat(o).isInstanceOf(CustomResourceDefinition.class));
    }

    @Test
    void everyRenderedChartDocumentParsesIntoATypedObject() {
        var documents = ChartRenderer.renderObjects(ChartRenderer.sameAsK8sDirectory());

        List<HasMetadata> objects = TypedObjects.toTyped(documents);

        assertThat(objects).hasSize(documents.size()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(objects).filteredOn(o -> !o.getKind().equals("ConsumerGroupDemo"))
                .allSatisfy(o -> assertThat(o).as(TypedObjects.describe(o)).isNotInstanceOf(GenericKubernetesResource.class));
    }

    @Test
    void serializingATypedObjectKeepsEveryField() {
        // Typed parsing silently drops unknown fields into additionalProperties: none may be there.
        for (HasMetadata object : TypedObjects.k8sDirectory()) {
            if (object instanceof GenericKubernetesResource) {
                continue;
            }
            assertThat(UnknownFields.of(object)).as("unknown fields in %s", TypedObjects.describe(object)).isEmpty();
        }
        for (HasMetadata object : TypedObjects.toTyped(ChartRenderer.renderObjects(ChartRenderer.sameAsK8sDirectory()))) {
            if (object instanceof GenericKubernetesResource) {
                continue;
            }
            assertThat(UnknownFields.of(object)).as("unknown fields in %s", TypedObjects.describe(object)).isEmpty();
        }
    }

    @Test
    void theSampleResourceFitsTheOperatorsModelExactly() throws Exception {
        var strict = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        var sample = YamlDocuments.parse(RepoFiles.read(RepoFiles.k8s().resolve("samples/web-events.yaml"))).get(0);
        var fromChart = ChartRenderer.renderObjects(ChartRenderer.sameAsK8sDirectory()).stream()
                .filter(o -> o.path("kind").asText().equals("ConsumerGroupDemo")).findFirst().orElseThrow();

        for (var resource : List.of(sample, fromChart)) {
            ConsumerGroupDemoSpec spec = strict.treeToValue(resource.get("spec"), ConsumerGroupDemoSpec.class);
            assertThat(resource.path("apiVersion").asText()).isEqualTo(ConsumerGroupDemo.GROUP + "/" + ConsumerGroupDemo.VERSION);
            assertThat(spec.getTopic().getName()).isEqualTo("web-events-partitioned");
            assertThat(spec.getTopic().getPartitions()).isEqualTo(3);
            assertThat(spec.getConsumers().getReplicas()).isEqualTo(3);
            assertThat(spec.getConsumers().getGroupId()).isEqualTo("web-events-group");
        }
    }

    @Test
    void aMisspeltFieldIsFound() {
        var pod = YamlDocuments.parse("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: app
                      image: app:1
                      readinessprobe: {tcpSocket: {port: 8080}}
                """).get(0);

        assertThat(UnknownFields.of(TypedObjects.toTyped(pod))).containsExactly(".spec.containers[0] [readinessprobe]");
    }
}

package dev.cgdemo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart through real Helm: lint --strict, template with defaults, and bad values refused with a message naming them. */
class HelmChartTest {

    @Test
    void lintStrictFindsNothing() {
        LintResult result = new Helm(RepoFiles.chart()).lint().strict().call();

        assertThat(result.getMessages()).allSatisfy(message -> assertThat(message).doesNotContainIgnoringCase("[ERROR]").doesNotContainIgnoringCase("[WARNING]"));
        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
    }

    @Test
    void defaultsRenderOperatorRbacAndKafkaButNoSample() {
        var identities = ChartRenderer.renderObjects(Map.of()).stream().map(YamlDocuments::identity).toList();

        assertThat(identities).containsExactlyInAnyOrder(
                "ServiceAccount cgdemo-system/cgdemo-operator",
                "ClusterRole cgdemo-operator",
                "ClusterRoleBinding cgdemo-operator",
                "Deployment cgdemo-system/cgdemo-operator",
                "Service cgdemo-system/kafka",
                "Deployment cgdemo-system/kafka");
    }

    @Test
    void operatorDefaultsToTheChartsKafka() {
        String rendered = ChartRenderer.render(Map.of());

        assertThat(rendered).contains("value: \"kafka.cgdemo-system.svc:9092\"")
                .contains("value: \"cgdemo/worker:0.1.0\"")
                .contains("image: \"cgdemo/operator:0.1.0\"");
    }

    @Test
    void withoutKafkaTheBootstrapAddressIsRequired() {
        assertThatThrownBy(() -> ChartRenderer.render(Map.of("kafka.enabled", false)))
                .hasMessageContaining("operator.kafkaBootstrapServers is required when kafka.enabled=false");

        String rendered = ChartRenderer.render(Map.of("kafka.enabled", false, "operator.kafkaBootstrapServers", "10.244.0.1:9092"));
        assertThat(rendered).contains("value: \"10.244.0.1:9092\"").doesNotContain("kind: Service\n");
    }

    @Test
    void schemaRefusesAnUnknownKey() {
        assertThatThrownBy(() -> ChartRenderer.render(Map.of("operator.replicas", 2)))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("replicas");
    }

    @Test
    void schemaRefusesAPullPolicyThatNeedsARegistry() {
        assertThatThrownBy(() -> ChartRenderer.render(Map.of("operator.image.pullPolicy", "Always")))
                .hasMessageContaining("pullPolicy");
    }

    @Test
    void theLatestTagIsRefused() {
        assertThatThrownBy(() -> ChartRenderer.render(Map.of("worker.image.tag", "latest")))
                .hasMessageContaining("worker.image.tag: \"latest\" makes Kubernetes pull from a registry");
    }

    @Test
    void schemaRefusesZeroPartitionsInTheSample() {
        assertThatThrownBy(() -> ChartRenderer.render(Map.of("demo.enabled", true, "demo.spec.topic.partitions", 0)))
                .hasMessageContaining("partitions");
    }

    @Test
    void kubernetesOlderThan120IsRefused() {
        assertThatThrownBy(() -> new Helm(RepoFiles.chart()).template().withName("cgdemo").withKubeVersion("1.19.0").call())
                .hasMessageContaining("kubeVersion");
    }
}

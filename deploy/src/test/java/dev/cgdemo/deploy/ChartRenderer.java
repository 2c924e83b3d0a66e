package dev.cgdemo.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.util.List;
import java.util.Map;

/** `helm template` of the chart through real Helm (helm-java), as k8s/ is meant to be: release "cgdemo" in "cgdemo-system". */
final class ChartRenderer {

    static final String RELEASE = "cgdemo";
    static final String NAMESPACE = "cgdemo-system";

    private ChartRenderer() {
    }

    static String render(Map<String, Object> values) {
        TemplateCommand template = new Helm(RepoFiles.chart()).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.20.2")
                .skipCrds();
        values.forEach(template::set);
        return template.call();
    }

    static List<ObjectNode> renderObjects(Map<String, Object> values) {
        return YamlDocuments.parse(render(values));
    }

    /** Values under which the chart describes exactly what k8s/ holds. */
    static Map<String, Object> sameAsK8sDirectory() {
        return Map.of("kafka.enabled", true, "kafka.namespace", "kafka", "demo.enabled", true, "demo.namespace", "default");
    }
}

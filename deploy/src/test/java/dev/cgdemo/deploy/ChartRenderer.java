package dev.cgdemo.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * `helm template` of the chart through real Helm (helm-java), as k8s/ is meant to be: release "cgdemo" in
 * "cgdemo-system". Hooks included, as the helm CLI prints them: helm-java's template leaves them out, so the
 * chart is rendered from a copy (deploy/target/chart-for-template) whose hook annotations Helm does not
 * recognise, and the rendered text gets them back.
 */
final class ChartRenderer {

    static final String RELEASE = "cgdemo";
    static final String NAMESPACE = "cgdemo-system";
    private static final String HOOK = "helm.sh/hook";
    private static final String HIDDEN_HOOK = "cgdemo.dev/not-yet-helm-hook";
    private static Path copy;

    private ChartRenderer() {
    }

    static String render(Map<String, Object> values) {
        TemplateCommand template = new Helm(chartWithHooksAsObjects()).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.20.2")
                .skipCrds();
        values.forEach(template::set);
        return template.call().replace(HIDDEN_HOOK, HOOK);
    }

    static List<ObjectNode> renderObjects(Map<String, Object> values) {
        return YamlDocuments.parse(render(values));
    }

    /** A Helm hook: made and removed by Helm around install or uninstall, never part of the release's manifest. */
    static boolean isHook(ObjectNode object) {
        return object.path("metadata").path("annotations").has(HOOK);
    }

    /** Values under which the chart describes exactly what k8s/ holds. */
    static Map<String, Object> sameAsK8sDirectory() {
        return Map.of("kafka.enabled", true, "kafka.namespace", "kafka", "demo.enabled", true, "demo.namespace", "default");
    }

    private static synchronized Path chartWithHooksAsObjects() {
        if (copy != null) {
            return copy;
        }
        Path chart = RepoFiles.chart();
        Path target = RepoFiles.root().resolve("deploy/target/chart-for-template");
        try {
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            try (Stream<Path> files = Files.walk(chart)) {
                for (Path source : files.toList()) {
                    Path destination = target.resolve(chart.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(destination);
                    } else if (chart.relativize(source).startsWith("templates")) {
                        Files.writeString(destination, Files.readString(source).replace(HOOK, HIDDEN_HOOK));
                    } else {
                        Files.copy(source, destination);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copy = target;
        return copy;
    }
}

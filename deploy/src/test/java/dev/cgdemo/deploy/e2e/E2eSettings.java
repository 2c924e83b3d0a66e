package dev.cgdemo.deploy.e2e;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the end-to-end run needs from outside, each a system property with an environment twin:
 * the broker both this JVM and the pods reach, the image tag that was loaded into the cluster,
 * and where to put things. The cluster is whatever KUBECONFIG names.
 */
record E2eSettings(String bootstrapServers, String imageTag, String namespace, String operatorNamespace, String release, Path kubeconfig) {

    static E2eSettings fromEnvironment() {
        String kubeconfig = Optional.ofNullable(System.getenv("KUBECONFIG"))
                .orElse(System.getProperty("user.home") + "/.kube/config");
        return new E2eSettings(
                setting("cgdemo.e2e.bootstrap", "CGDEMO_E2E_BOOTSTRAP", "10.244.0.1:9092"),
                setting("cgdemo.e2e.imageTag", "CGDEMO_E2E_IMAGE_TAG", "0.1.0"),
                setting("cgdemo.e2e.namespace", "CGDEMO_E2E_NAMESPACE", "cgdemo-e2e"),
                setting("cgdemo.e2e.operatorNamespace", "CGDEMO_E2E_OPERATOR_NAMESPACE", "cgdemo-system"),
                "cgdemo",
                Path.of(kubeconfig.split(java.io.File.pathSeparator)[0]));
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}

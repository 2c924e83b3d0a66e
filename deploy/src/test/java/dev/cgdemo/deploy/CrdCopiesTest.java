package dev.cgdemo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** k8s/crd/ and the chart's crds/ hold the CRD the operator's build generates, byte for byte. */
class CrdCopiesTest {

    static final String GENERATED = "META-INF/fabric8/consumergroupdemos.cgdemo.dev-v1.yml";

    @Test
    void k8sDirectoryCopyEqualsTheGeneratedCrd() throws IOException {
        assertThat(RepoFiles.read(RepoFiles.k8s().resolve("crd/consumergroupdemos.cgdemo.dev-v1.yml")))
                .as("k8s/crd/ is stale: copy operator/target/classes/%s over it", GENERATED)
                .isEqualTo(generated());
    }

    @Test
    void chartCopyEqualsTheGeneratedCrd() throws IOException {
        assertThat(RepoFiles.read(RepoFiles.chart().resolve("crds/consumergroupdemos.cgdemo.dev-v1.yml")))
                .as("helm/consumer-group-demo/crds/ is stale: copy operator/target/classes/%s over it", GENERATED)
                .isEqualTo(generated());
    }

    private static String generated() throws IOException {
        try (InputStream in = CrdCopiesTest.class.getClassLoader().getResourceAsStream(GENERATED)) {
            assertThat(in).as("the operator module's generated CRD on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

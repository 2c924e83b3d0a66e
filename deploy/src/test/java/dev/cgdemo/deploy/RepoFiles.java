package dev.cgdemo.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository's deploy files are: {@code cgdemo.repo.root} (set by the pom), else the parent of the working directory. */
final class RepoFiles {

    private RepoFiles() {
    }

    static Path root() {
        String configured = System.getProperty("cgdemo.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    static Path k8s() {
        return root().resolve("k8s");
    }

    static Path chart() {
        return root().resolve("helm/consumer-group-demo");
    }

    /** Every YAML file under k8s/ that holds Kubernetes objects (kind-config.yaml is kind's own format). */
    static List<Path> k8sManifests() {
        try (Stream<Path> files = Files.walk(k8s())) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals("kind-config.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

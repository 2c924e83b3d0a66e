package dev.cgdemo.worker.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cgdemo.worker.WorkerMain;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The worker CLI in its own JVM (test classpath), its stdout JSON events collected as they come. */
final class WorkerProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Process process;
    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    final List<String> otherLines = new CopyOnWriteArrayList<>();
    final Path stderr;
    private final Thread reader;

    private WorkerProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readStdout, "stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static WorkerProcess start(String name, List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()));
        command.addAll(args);
        Path stderr = Files.createTempFile("worker-" + name + "-", ".err");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new WorkerProcess(process, stderr);
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("{")) {
                    events.add(JSON.readTree(line));
                } else {
                    otherLines.add(line);
                }
            }
        } catch (IOException e) {
            otherLines.add("stdout closed: " + e);
        }
    }

    List<JsonNode> named(String name) {
        return events.stream().filter(e -> e.path("name").asText().equals(name)).toList();
    }

    boolean has(Predicate<JsonNode> predicate) {
        return events.stream().anyMatch(predicate);
    }

    /** Waits for stdout to be fully read after the process ended. */
    void drain() throws InterruptedException {
        reader.join(10_000);
    }

    String stderrText() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        File file = stderr.toFile();
        if (file.exists()) {
            Files.delete(stderr);
        }
    }
}

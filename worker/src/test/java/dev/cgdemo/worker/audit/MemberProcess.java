package dev.cgdemo.worker.audit;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A Java main class run as a child process with the test's class path; its stdout lines are kept. */
public final class MemberProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    public MemberProcess(Class<?> main, String name, String... args) throws IOException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        File log = new File("target/" + name + ".stderr.log");
        process = new ProcessBuilder(command).redirectError(log).start();
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 java.io.PrintWriter copy = new java.io.PrintWriter(new File("target/" + name + ".stdout.log"), StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    copy.println(java.time.LocalTime.now().toString() + " " + line);
                    copy.flush();
                }
            } catch (IOException e) {
                // the process died; its lines so far stay
            }
        }, "stdout-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** How many lines so far match. */
    long count(Predicate<String> matching) {
        return lines.stream().filter(matching).count();
    }

    public void awaitLine(Predicate<String> matching, Duration timeout) {
        await().atMost(timeout).until(() -> lines.stream().anyMatch(matching));
    }

    void awaitLines(Predicate<String> matching, long atLeast, Duration timeout) {
        await().atMost(timeout).until(() -> count(matching) >= atLeast);
    }

    /** The last line so far that matches, if any. */
    java.util.Optional<String> lastMatching(Predicate<String> matching) {
        List<String> all = List.copyOf(lines);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (matching.test(all.get(i))) {
                return java.util.Optional.of(all.get(i));
            }
        }
        return java.util.Optional.empty();
    }

    String lastLine() {
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** SIGKILL: no shutdown hook, no commit, no leave. Returns once every line it wrote has been read. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        reader.join(Duration.ofSeconds(10).toMillis());
    }

    /** SIGSTOP: the process stands still (no poll, no commit, no output) until {@link #resume()} or a kill. */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited " + exit);
        }
    }

    /** Every line so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** SIGTERM: the member commits, leaves and exits. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}

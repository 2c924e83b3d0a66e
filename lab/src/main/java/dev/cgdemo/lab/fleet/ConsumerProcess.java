package dev.cgdemo.lab.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One consumer: its own OS process running the worker; its stdout events go to a sink. */
public final class ConsumerProcess {
    private final String id;
    private final Process process;
    private final Thread reader;

    private ConsumerProcess(String id, Process process, Thread reader) {
        this.id = id;
        this.process = process;
        this.reader = reader;
    }

    /**
     * @param events    receives every JSON event line, on this process's reader thread
     * @param otherLine receives any other stdout line
     */
    public static ConsumerProcess start(String id, List<String> command, ConsumerEventParser parser,
                                        Consumer<ConsumerEvent> events, Consumer<String> otherLine, Path outputLog) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start consumer " + id + ": " + e.getMessage(), e);
        }
        Thread reader = new Thread(() -> readLines(id, process, parser, events, otherLine, outputLog), "reader-" + id);
        reader.setDaemon(true);
        reader.start();
        return new ConsumerProcess(id, process, reader);
    }

    /** Every stdout line also goes to {@code outputLog}, so a lost record can be traced afterwards. */
    private static void readLines(String id, Process process, ConsumerEventParser parser,
                                  Consumer<ConsumerEvent> events, Consumer<String> otherLine, Path outputLog) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(outputLog, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.write(line);
                log.write('\n');
                String current = line;
                parser.parse(id, line).ifPresentOrElse(events, () -> otherLine.accept(current));
            }
        } catch (IOException e) {
            // The process went away; its exit code tells the rest.
        }
    }

    public String id() {
        return id;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code, or empty while running. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** SIGTERM: the worker commits, leaves the group and exits. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no commit, no leave; the group notices after the session timeout. */
    public void crash() {
        process.destroyForcibly();
    }

    /** Waits for the process to exit and its output to be read; false on timeout. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return true;
    }
}

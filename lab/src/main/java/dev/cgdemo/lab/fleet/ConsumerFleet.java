package dev.cgdemo.lab.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lab's consumer processes, named {@code consumer-1}, {@code consumer-2}, ... in start order;
 * {@code add} always takes the next number, so a stopped consumer's name is never reused.
 */
public final class ConsumerFleet {
    private static final Duration CLEAN_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ConsumerLaunch launch;
    private final ConsumerEventParser parser = new ConsumerEventParser();
    private final Consumer<ConsumerEvent> events;
    private final Consumer<String> otherLines;
    private final Path logDir;
    private final Map<Integer, ConsumerProcess> byNumber = new LinkedHashMap<>();
    private int lastNumber;

    /** @param logDir where each consumer's stdout is copied, as {@code consumer-N.out} */
    public ConsumerFleet(ConsumerLaunch launch, Consumer<ConsumerEvent> events, Consumer<String> otherLines, Path logDir) {
        this.launch = launch;
        this.logDir = logDir;
        this.events = events;
        this.otherLines = otherLines;
    }

    public static String idOf(int number) {
        return "consumer-" + number;
    }

    /** Starts the next consumer and returns it. */
    public synchronized ConsumerProcess add() {
        int number = ++lastNumber;
        String id = idOf(number);
        ConsumerProcess process = ConsumerProcess.start(id, launch.command(id), parser, events, otherLines,
                logDir.resolve(id + ".out"));
        byNumber.put(number, process);
        return process;
    }

    public synchronized Optional<ConsumerProcess> get(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** Every consumer ever started, in start order. */
    public synchronized List<ConsumerProcess> all() {
        return List.copyOf(byNumber.values());
    }

    /** Ids of the consumers whose process is running. */
    public synchronized List<String> aliveIds() {
        List<String> ids = new ArrayList<>();
        byNumber.values().stream().filter(ConsumerProcess::isAlive).forEach(p -> ids.add(p.id()));
        return ids;
    }

    /**
     * SIGTERM to every running consumer, then waits for each; one that does not exit in time is killed.
     * Leaves no process behind.
     */
    public void stopAll() {
        List<ConsumerProcess> running = all().stream().filter(ConsumerProcess::isAlive).toList();
        running.forEach(ConsumerProcess::terminate);
        for (ConsumerProcess process : running) {
            try {
                if (!process.awaitExit(CLEAN_STOP_TIMEOUT)) {
                    process.crash();
                    process.awaitExit(Duration.ofSeconds(10));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.crash();
            }
        }
    }
}

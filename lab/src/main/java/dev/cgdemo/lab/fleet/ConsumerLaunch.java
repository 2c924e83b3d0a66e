package dev.cgdemo.lab.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start one consumer process: this JVM's own {@code java} and class path (the lab jar holds the
 * worker) running {@code WorkerMain consume} with JSON events.
 *
 * @param javaOptions     JVM options for each consumer, e.g. a small heap
 * @param consumerOptions worker options shared by every consumer ({@code --protocol}, {@code --property}, ...)
 */
public record ConsumerLaunch(Path javaBinary, String classPath, List<String> javaOptions, List<String> consumerOptions) {

    public ConsumerLaunch {
        javaOptions = List.copyOf(javaOptions);
        consumerOptions = List.copyOf(consumerOptions);
    }

    /** This JVM's java and class path. */
    public static ConsumerLaunch fromThisJvm(List<String> javaOptions, List<String> consumerOptions) {
        return new ConsumerLaunch(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"), javaOptions, consumerOptions);
    }

    /**
     * The worker options for a lab's consumers, in the worker's flag names. The audit is asked for explicitly (it is
     * the worker's default, but {@code CGDEMO_AUDIT=false} in the environment would turn it off): the lab's view of
     * the group, its rebalances and its accounting come from it.
     */
    public static List<String> consumerOptions(String bootstrapServers, String topic, String group, String protocol,
                                               String assignor, boolean staticMembership, Map<String, String> properties) {
        List<String> options = new ArrayList<>(List.of(
                "--bootstrap-servers", bootstrapServers, "--topic", topic, "--group", group,
                "--protocol", protocol, "--events", "json", "--audit", "--http-port", "0"));
        if (assignor != null) {
            options.addAll(List.of("--assignor", assignor));
        }
        if (staticMembership) {
            options.add("--static");
        }
        properties.forEach((key, value) -> options.addAll(List.of("--property", key + "=" + value)));
        return options;
    }

    public List<String> command(String consumerId) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(javaOptions);
        // The worker logs to stderr, which the lab shares: only warnings and errors.
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(classPath);
        command.add("dev.cgdemo.worker.WorkerMain");
        command.add("consume");
        command.add("--id");
        command.add(consumerId);
        command.addAll(consumerOptions);
        return command;
    }
}

package dev.cgdemo.lab;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.cgdemo.lab.broker.BrokerSettings;
import dev.cgdemo.lab.chaos.LabChaosOption;
import dev.cgdemo.lab.script.CommandParser;
import dev.cgdemo.lab.script.LabCommand;
import dev.cgdemo.lab.view.TerminalScreen;
import dev.cgdemo.worker.chaos.ChaosPlan;
import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupProtocolChoice;
import dev.cgdemo.worker.consume.InvalidSettingException;
import dev.cgdemo.worker.produce.ProducerSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar cgdemo-lab.jar}: Kafka consumer-group rebalancing on one machine, no Docker, no cluster.
 */
@Command(name = "cgdemo-lab", mixinStandardHelpOptions = true, version = "cgdemo-lab 0.1.0",
        subcommands = {BrokerCommand.class, BenchCommand.class},
        description = {
                "Starts a real single-node Kafka broker inside this JVM, creates a topic, produces web events keyed "
                        + "by user id and starts N consumers of one group, each its own OS process. Every 2 s it prints "
                        + "who owns which partition, like kafka-consumer-groups --describe.",
                "",
                "Type commands while it runs:",
                "  kill N    SIGTERM consumer-N: it commits, leaves the group, its partitions move at once",
                "  crash N   SIGKILL consumer-N: no commit; its partitions move after the session timeout",
                "  add       start one more consumer",
                "  status    the table now, plus every consumer process",
                "  quit      stop, account for every record, print a summary (Ctrl+C stops without one)",
                "",
                "The live web view (http://127.0.0.1:8080 unless --ui-port says otherwise) shows the same group as it "
                        + "changes and has buttons for stop (kill), crash and add.",
                "",
                "With --script the same commands (and 'wait SECONDS') run without a terminal; the lab then prints "
                        + "who owned what after each step and how many records were produced, consumed, lost and "
                        + "consumed twice (counted from the consumers' audit), and exits 0 only if every record was "
                        + "processed and none lost."},
        footer = {"", "Example: java -jar cgdemo-lab.jar --script \"wait 5; kill 2; wait 10; kill 3; wait 10\"",
                "Chaos:   java -jar cgdemo-lab.jar --chaos every=20s,actions=kill,crash,add --script \"wait 120\""})
public final class LabMain implements Callable<Integer> {

    static final String DEFAULT_CONSUMER_JAVA_OPTIONS = "-Xms16m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    @Spec
    CommandSpec spec;

    @Option(names = "--consumers", defaultValue = "${env:CGDEMO_CONSUMERS:-3}",
            description = "Consumer processes to start, 1-50 (env CGDEMO_CONSUMERS, default ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = "--partitions", defaultValue = "${env:CGDEMO_PARTITIONS:-3}",
            description = "Partitions of the topic, 1-1000 (env CGDEMO_PARTITIONS, default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--rate", defaultValue = "${env:CGDEMO_RATE:-5}",
            description = "Events produced per second, > 0 (env CGDEMO_RATE, default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--keys", defaultValue = "${env:CGDEMO_KEYS:-20}",
            description = "Distinct user ids (record keys), >= 1 (env CGDEMO_KEYS, default ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--topic", defaultValue = "${env:CGDEMO_TOPIC:-web-events-partitioned}",
            description = "Topic to create and use (env CGDEMO_TOPIC, default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--group", defaultValue = "${env:CGDEMO_GROUP_ID:-web-events-group}",
            description = "Consumer group id (env CGDEMO_GROUP_ID, default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--protocol", defaultValue = "${env:CGDEMO_PROTOCOL:-classic}",
            description = "Rebalance protocol: classic or consumer (KIP-848) (env CGDEMO_PROTOCOL, default ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--assignor", defaultValue = "${env:CGDEMO_ASSIGNOR:-}",
            description = "Assignor; classic: range, roundrobin, sticky, cooperative-sticky (default); "
                    + "consumer: uniform (default), range (env CGDEMO_ASSIGNOR).")
    String assignor;

    @Option(names = "--static", defaultValue = "${env:CGDEMO_STATIC_MEMBERSHIP:-false}",
            description = "Static membership: group.instance.id = consumer id (env CGDEMO_STATIC_MEMBERSHIP).")
    boolean staticMembership;

    @Option(names = "--processing-delay-ms", defaultValue = "${env:CGDEMO_PROCESSING_DELAY_MS:-0}",
            description = "Pause per record in each consumer, >= 0 (env CGDEMO_PROCESSING_DELAY_MS, default ${DEFAULT-VALUE}).")
    long processingDelayMs;

    @Option(names = "--script", paramLabel = "STEPS", defaultValue = "${env:CGDEMO_LAB_SCRIPT:-}",
            description = "Run these steps instead of reading commands, then print a summary and exit "
                    + "(0 = every record processed, none lost), e.g. \"wait 5; kill 2; wait 10; kill 3; wait 10\" (env CGDEMO_LAB_SCRIPT).")
    String script;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "${env:CGDEMO_LAB_LISTEN:-127.0.0.1:0}",
            description = "Broker listen address; port 0 picks a free one (env CGDEMO_LAB_LISTEN, default ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--advertise", paramLabel = "HOST[:PORT]", defaultValue = "${env:CGDEMO_LAB_ADVERTISE:-}",
            description = "Broker address given to clients (env CGDEMO_LAB_ADVERTISE; default: the listen address).")
    String advertise;

    @Option(names = "--broker-config", paramLabel = "KEY=VALUE", split = ",", defaultValue = "${env:CGDEMO_BROKER_CONFIG:-}",
            description = "Extra broker setting, repeatable (env CGDEMO_BROKER_CONFIG, comma-separated).")
    List<String> brokerConfig;

    @Option(names = "--consumer-property", paramLabel = "KEY=VALUE", split = ",",
            defaultValue = "${env:CGDEMO_CONSUMER_PROPERTIES:-}",
            description = {"Kafka consumer property for every consumer, repeatable (env CGDEMO_CONSUMER_PROPERTIES).",
                    "Classic groups get session.timeout.ms=10000 and heartbeat.interval.ms=500 unless set here."})
    List<String> consumerProperty;

    @Option(names = "--consumer-java-options", defaultValue = "${env:CGDEMO_LAB_CONSUMER_JAVA_OPTIONS:-" + DEFAULT_CONSUMER_JAVA_OPTIONS + "}",
            description = "JVM options of each consumer process (env CGDEMO_LAB_CONSUMER_JAVA_OPTIONS, default ${DEFAULT-VALUE}).")
    String consumerJavaOptions;

    @Option(names = "--settle-timeout-seconds", defaultValue = "${env:CGDEMO_LAB_SETTLE_TIMEOUT_SECONDS:-60}",
            description = "Longest wait for the group to settle after a step, and for consumers to drain at the end, 1-600 (env CGDEMO_LAB_SETTLE_TIMEOUT_SECONDS, default ${DEFAULT-VALUE}).")
    int settleTimeoutSeconds;

    @Option(names = "--ui-port", defaultValue = "${env:CGDEMO_LAB_UI_PORT:-8080}",
            description = "Port of the live web view on 127.0.0.1 (buttons: stop, crash, add a consumer), 0-65535; "
                    + "0 turns it off (env CGDEMO_LAB_UI_PORT, default ${DEFAULT-VALUE}).")
    int uiPort;
    @Option(names = "--chaos", paramLabel = "every=DURATION,actions=ACTION[,ACTION...]", defaultValue = "${env:CGDEMO_LAB_CHAOS:-}",
            description = {"Rebalance by itself: one action every DURATION, taken round-robin from kill (SIGTERM), "
                    + "crash (SIGKILL) and add, never below one running consumer and only once the group has settled; "
                    + "the summary gets totals per action (env CGDEMO_LAB_CHAOS).",
                    "e.g. every=20s,actions=kill,crash,add (optional max=N: most consumers add starts, default --consumers)"})
    String chaos;

    @Option(names = "--verbose", defaultValue = "${env:CGDEMO_LAB_VERBOSE:-false}",
            description = "Also print the consumers' other output lines (env CGDEMO_LAB_VERBOSE).")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new LabMain());
    }

    @Override
    public Integer call() throws Exception {
        LabSettings settings = settings();
        LabSession session = new LabSession(settings, System.out, TerminalScreen.stdoutIsTerminal());
        Thread cleanup = new Thread(session::close, "lab-shutdown");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return session.run(System.in);
        } finally {
            session.close();
        }
    }

    /** Checks every option with the worker's own rules; a bad one is a usage error (exit 2) naming it. */
    LabSettings settings() {
        requireRange("--consumers", consumers, 1, 50);
        requireRange("--partitions", partitions, 1, 1000);
        requireRange("--settle-timeout-seconds", settleTimeoutSeconds, 1, 600);
        requireRange("--ui-port", uiPort, 0, 65535);
        GroupProtocolChoice protocolChoice;
        String chosenAssignor = assignor == null || assignor.isBlank() ? null : assignor.trim();
        try {
            protocolChoice = GroupProtocolChoice.parse(protocol);
            // The worker's own validation: assignor against protocol, processing delay.
            new ConsumerSettings("localhost:9092", topic, group, "consumer-1", protocolChoice, chosenAssignor,
                    staticMembership, processingDelayMs, Map.of());
            ProducerSettings.checkRateAndKeys(rate, keys);
        } catch (InvalidSettingException e) {
            throw invalid("--" + e.option(), e.reason());
        }
        Optional<List<LabCommand>> steps = Optional.empty();
        if (script != null && !script.isBlank()) {
            try {
                steps = Optional.of(CommandParser.parseScript(script));
            } catch (IllegalArgumentException e) {
                throw invalid("--script", e.getMessage());
            }
        }
        BrokerSettings brokerSettings = BrokerCommand.parse(spec, listen, advertise, brokerConfig);
        Map<String, String> properties;
        try {
            properties = consumerProperties(protocolChoice, OptionValues.keyValues(consumerProperty == null ? List.of() : consumerProperty));
        } catch (IllegalArgumentException e) {
            throw invalid("--consumer-property", e.getMessage() + " (allowed: KEY=VALUE, e.g. session.timeout.ms=6000)");
        }
        List<String> javaOptions = OptionValues.javaOptions(consumerJavaOptions);
        Optional<ChaosPlan> chaosPlan = Optional.empty();
        if (chaos != null && !chaos.isBlank()) {
            try {
                chaosPlan = Optional.of(LabChaosOption.parse(chaos, consumers));
            } catch (IllegalArgumentException e) {
                throw invalid("--chaos", e.getMessage());
            }
        }
        return new LabSettings(consumers, partitions, rate, keys, topic, group, protocolChoice, chosenAssignor, staticMembership,
                processingDelayMs, steps, brokerSettings, properties, javaOptions, Duration.ofSeconds(settleTimeoutSeconds), verbose, uiPort,
                chaosPlan);
    }

    /** Quick rebalances for classic groups; the consumer protocol takes these from the broker (group.consumer.*). */
    private static Map<String, String> consumerProperties(GroupProtocolChoice protocol, Map<String, String> given) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        if (protocol == GroupProtocolChoice.CLASSIC) {
            properties.put("session.timeout.ms", "10000");
            properties.put("heartbeat.interval.ms", "500");
        }
        properties.putAll(given);
        return properties;
    }

    private void requireRange(String option, long value, long min, long max) {
        OptionValues.requireRange(spec, option, value, min, max);
    }

    private ParameterException invalid(String option, String reason) {
        return OptionValues.invalid(spec, option, reason);
    }
}

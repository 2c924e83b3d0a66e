package dev.cgdemo.lab;

import dev.cgdemo.lab.bench.BenchProtocol;
import dev.cgdemo.lab.bench.BenchRow;
import dev.cgdemo.lab.bench.BenchSettings;
import dev.cgdemo.lab.bench.BenchTable;
import dev.cgdemo.lab.bench.EventListener;
import dev.cgdemo.lab.bench.EventPlan;
import dev.cgdemo.lab.bench.Pacing;
import dev.cgdemo.lab.bench.RebalanceScenario;
import dev.cgdemo.lab.bench.ScenarioResult;
import dev.cgdemo.lab.bench.SoakLine;
import dev.cgdemo.lab.bench.SoakTable;
import dev.cgdemo.lab.bench.ThroughputBench;
import dev.cgdemo.lab.bench.ThroughputRuns;
import dev.cgdemo.lab.bench.ThroughputTable;
import dev.cgdemo.lab.broker.BrokerSettings;
import dev.cgdemo.lab.broker.EmbeddedBroker;
import dev.cgdemo.lab.broker.HostPort;
import dev.cgdemo.worker.consume.InvalidSettingException;
import dev.cgdemo.worker.produce.ProducerSettings;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cgdemo-lab bench}: the same rebalance scenario for each protocol on one embedded broker, as a table. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs one scenario per rebalance protocol on one embedded broker: N consumer processes (audit on) "
                        + "and a producer; once the group settles, --repeat clean stops (SIGTERM), as many crashes "
                        + "(SIGKILL) and a new member after each (leave, join, crash, join, ...), each followed by a "
                        + "steady spell. Then the verifier reads each group's audit and the bench prints a markdown "
                        + "table: rebalances, pause p50/max and duplicates per kind of event, group-wide stop, lost.",
                "With --soak: --events such events per protocol at a steady rate (--every), one line per event "
                        + "(rebalance, cause, moved partitions, pause, duplicates, lost so far) and a table per kind.",
                "Progress goes to stderr, the table (and the soak's lines) to stdout. Exit code 1 if any protocol lost a record."},
        footer = {"", "Example: java -jar cgdemo-lab.jar bench --protocols eager,cooperative,static,consumer --repeat 5",
                "         java -jar cgdemo-lab.jar bench --soak --events 60 --every 10 --protocols cooperative,consumer"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--protocols", paramLabel = "NAME[,NAME...]", split = ",",
            defaultValue = "${env:CGDEMO_BENCH_PROTOCOLS}",
            description = "Set-ups to compare: eager (classic + range), cooperative (classic + cooperative-sticky), "
                    + "static (cooperative + static membership), consumer (KIP-848) (env CGDEMO_BENCH_PROTOCOLS, default "
                    + "eager,cooperative,static,consumer; with --soak cooperative,consumer).")
    List<String> protocols;

    static final List<String> TABLE_PROTOCOLS = List.of("eager", "cooperative", "static", "consumer");
    static final List<String> SOAK_PROTOCOLS = List.of("cooperative", "consumer");

    @Option(names = "--repeat", defaultValue = "${env:CGDEMO_BENCH_REPEAT:-5}",
            description = "How often each kind of departure (clean stop, crash) happens per protocol, 1-50; a join "
                    + "follows each, so a protocol sees 4 x N events (env CGDEMO_BENCH_REPEAT, default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--soak", defaultValue = "${env:CGDEMO_BENCH_SOAK:-false}",
            description = "Run --events events per protocol at a steady rate and print each one's pause and delivery "
                    + "verdict, then a table per kind of event (env CGDEMO_BENCH_SOAK).")
    boolean soak;

    @Option(names = "--events", defaultValue = "${env:CGDEMO_SOAK_EVENTS:-60}",
            description = "With --soak: events per protocol, 1-150 (env CGDEMO_SOAK_EVENTS, default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--every", paramLabel = "SECONDS", defaultValue = "${env:CGDEMO_SOAK_EVERY_SECONDS:-10}",
            description = "With --soak: seconds from one event to the next, 1-3600; an event waits longer when the group "
                    + "has not been settled for --steady-seconds by then (env CGDEMO_SOAK_EVERY_SECONDS, default ${DEFAULT-VALUE}).")
    int everySeconds;

    @Option(names = "--consumers", defaultValue = "${env:CGDEMO_CONSUMERS:-3}",
            description = "Consumer processes at the start, 2-20 (env CGDEMO_CONSUMERS, default ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = "--partitions", defaultValue = "${env:CGDEMO_PARTITIONS:-6}",
            description = "Partitions of each scenario's topic, 1-1000 (env CGDEMO_PARTITIONS, default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--rate", defaultValue = "${env:CGDEMO_RATE:-500}",
            description = "Records produced per second, > 0 (env CGDEMO_RATE, default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--keys", defaultValue = "${env:CGDEMO_KEYS:-1000}",
            description = "Distinct record keys, >= 1 (env CGDEMO_KEYS, default ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--session-timeout-ms", defaultValue = "${env:CGDEMO_BENCH_SESSION_TIMEOUT_MS:-3000}",
            description = "Session timeout for every protocol, 1000-60000: the classic client's session.timeout.ms and "
                    + "the broker's group.consumer.session.timeout.ms (env CGDEMO_BENCH_SESSION_TIMEOUT_MS, default ${DEFAULT-VALUE}).")
    long sessionTimeoutMs;

    @Option(names = "--steady-seconds", defaultValue = "${env:CGDEMO_BENCH_STEADY_SECONDS:-6}",
            description = "Undisturbed seconds after each settle, 4-600; must exceed the verifier's 3 s rebalance gap "
                    + "(env CGDEMO_BENCH_STEADY_SECONDS, default ${DEFAULT-VALUE}).")
    int steadySeconds;

    @Option(names = "--settle-timeout-seconds", defaultValue = "${env:CGDEMO_LAB_SETTLE_TIMEOUT_SECONDS:-90}",
            description = "Longest wait for the group to settle after an event, 1-600 (env CGDEMO_LAB_SETTLE_TIMEOUT_SECONDS, default ${DEFAULT-VALUE}).")
    int settleTimeoutSeconds;

    @Option(names = "--throughput", defaultValue = "${env:CGDEMO_BENCH_THROUGHPUT:-false}",
            description = "Instead of rebalances: the worker's producer and consumer (audit off and on) against Kafka's "
                    + "ProducerPerformance and ConsumerPerformance, same records, same broker (env CGDEMO_BENCH_THROUGHPUT).")
    boolean throughput;

    // Both consumers spend their first second or so warming up (JIT) at a fraction of their later rate; at three
    // million records that second was most of a run, and the ratio mostly compared warm-ups
    @Option(names = "--records", defaultValue = "${env:CGDEMO_BENCH_RECORDS:-10000000}",
            description = "Records per client with --throughput, 1000-100000000 (env CGDEMO_BENCH_RECORDS, default ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--consumer-java-options", defaultValue = "${env:CGDEMO_LAB_CONSUMER_JAVA_OPTIONS:-" + LabMain.DEFAULT_CONSUMER_JAVA_OPTIONS + "}",
            description = "JVM options of each consumer process (env CGDEMO_LAB_CONSUMER_JAVA_OPTIONS, default ${DEFAULT-VALUE}).")
    String consumerJavaOptions;

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = settings();
        PrintStream progress = System.err;
        if (throughput) {
            requireRange("--records", records, 1000, 100_000_000);
            try (EmbeddedBroker broker = EmbeddedBroker.start(brokerSettings(settings).with(ThroughputBench.BROKER_OVERRIDES));
                 Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                ThroughputRuns runs = new ThroughputBench(broker.bootstrapServers(), broker.logDir(), admin, records,
                        settings.partitions(), progress).run();
                spec.commandLine().getOut().print(new ThroughputTable().render(runs));
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
        List<ScenarioResult> results = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(brokerSettings(settings));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            progress.println("broker ready at " + broker.bootstrapServers());
            RebalanceScenario scenario = new RebalanceScenario(settings, broker.bootstrapServers(), admin, progress);
            int eventCount = soak ? events : EventPlan.eventsFor(settings.repeat());
            Pacing pacing = new Pacing(settings.steady(), soak ? Duration.ofSeconds(everySeconds) : Duration.ZERO);
            PrintWriter out = spec.commandLine().getOut();
            EventListener listener = soak ? (protocol, outcome, lostSoFar) -> {
                out.println(SoakLine.format(protocol, outcome, lostSoFar));
                out.flush();
            } : EventListener.NONE;
            for (BenchProtocol protocol : settings.protocols()) {
                results.add(scenario.run(protocol, eventCount, pacing, listener));
            }
        }
        if (soak) {
            spec.commandLine().getOut().print(new SoakTable().render(settings, Duration.ofSeconds(everySeconds), results));
            spec.commandLine().getOut().flush();
            return SoakTable.anyLost(results) ? 1 : 0;
        }
        List<BenchRow> rows = results.stream().map(BenchRow::of).toList();
        spec.commandLine().getOut().print(new BenchTable().render(settings, rows));
        spec.commandLine().getOut().flush();
        return SoakTable.anyLost(results) ? 1 : 0;   // the verifier's count, or the live one after any event
    }

    BenchSettings settings() {
        List<BenchProtocol> chosen = new ArrayList<>();
        List<String> names = protocols == null || protocols.isEmpty() ? (soak ? SOAK_PROTOCOLS : TABLE_PROTOCOLS) : protocols;
        for (String name : names) {
            try {
                chosen.add(BenchProtocol.parse(name));
            } catch (IllegalArgumentException e) {
                throw invalid("--protocols", e.getMessage());
            }
        }
        requireRange("--consumers", consumers, 2, 20);
        requireRange("--partitions", partitions, 1, 1000);
        requireRange("--session-timeout-ms", sessionTimeoutMs, 1000, 60000);
        requireRange("--steady-seconds", steadySeconds, 4, 600);
        requireRange("--settle-timeout-seconds", settleTimeoutSeconds, 1, 600);
        requireRange("--repeat", repeat, 1, 50);
        requireRange("--events", events, 1, 150);
        requireRange("--every", everySeconds, 1, 3600);
        try {
            ProducerSettings.checkRateAndKeys(rate, keys);
        } catch (InvalidSettingException e) {
            throw invalid("--" + e.option(), e.reason());
        }
        List<String> javaOptions = OptionValues.javaOptions(consumerJavaOptions);
        return new BenchSettings(consumers, partitions, rate, keys, Duration.ofMillis(sessionTimeoutMs),
                Duration.ofSeconds(steadySeconds), Duration.ofSeconds(settleTimeoutSeconds), chosen, javaOptions, repeat);
    }

    /** The lab's broker, with session timeouts allowed (and, for KIP-848, set) as low as the bench asks. */
    static BrokerSettings brokerSettings(BenchSettings settings) {
        String session = Long.toString(settings.sessionTimeout().toMillis());
        return new BrokerSettings(new HostPort("127.0.0.1", 0), null, Map.of(
                "group.min.session.timeout.ms", "1000",
                "group.consumer.min.session.timeout.ms", "1000",
                "group.consumer.session.timeout.ms", session));
    }

    private void requireRange(String option, long value, long min, long max) {
        OptionValues.requireRange(spec, option, value, min, max);
    }

    private ParameterException invalid(String option, String reason) {
        return OptionValues.invalid(spec, option, reason);
    }
}

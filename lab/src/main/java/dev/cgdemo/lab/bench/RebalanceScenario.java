package dev.cgdemo.lab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.cgdemo.lab.broker.EmbeddedBroker;
import dev.cgdemo.lab.fleet.ConsumerFleet;
import dev.cgdemo.lab.fleet.ConsumerLaunch;
import dev.cgdemo.lab.fleet.ConsumerProcess;
import dev.cgdemo.lab.view.GroupDescriber;
import dev.cgdemo.lab.view.GroupSnapshot;
import dev.cgdemo.worker.audit.GroupVerification;
import dev.cgdemo.worker.consume.GroupProtocolChoice;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducerSettings;
import dev.cgdemo.worker.verify.DeliveryReport;
import dev.cgdemo.worker.verify.VerifierSettings;
import java.io.PrintStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One protocol through the bench's scenario on a running broker: a producer and N consumer processes on a fresh
 * topic and group; once settled, a clean stop, a crash and a join, each followed by a steady spell; then the
 * producer stops, the consumers drain and stop, and the verifier reads the audit.
 */
public final class RebalanceScenario {

    private final BenchSettings settings;
    private final String bootstrapServers;
    private final Admin admin;
    private final PrintStream progress;

    public RebalanceScenario(BenchSettings settings, String bootstrapServers, Admin admin, PrintStream progress) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
        this.progress = progress;
    }

    public ScenarioResult run(BenchProtocol protocol) throws Exception {
        String topic = "bench-" + protocol.cliName();
        String group = topic + "-group";
        admin.createTopics(List.of(new NewTopic(topic, settings.partitions(), (short) 1))).all().get(30, TimeUnit.SECONDS);
        GroupDescriber describer = new GroupDescriber(admin, group, topic, settings.partitions());
        Path outputDir = Files.createTempDirectory("cgdemo-bench-");   // the consumers' stdout copies, deleted below
        ConsumerFleet fleet = new ConsumerFleet(ConsumerLaunch.fromThisJvm(settings.javaOptions(), consumerOptions(protocol, topic, group)),
                event -> { }, line -> { }, outputDir);
        Map<EventKind, Instant> times = new EnumMap<>(EventKind.class);
        Instant end;
        ProducerSettings producerSettings = new ProducerSettings(bootstrapServers, topic, "bench-producer-" + protocol.cliName(),
                settings.rate(), settings.keys(), OptionalLong.empty(), Map.of());
        try (EventProducer producer = new EventProducer(producerSettings, new ProduceListener() { })) {
            say(protocol, "starting %d consumers and the producer", settings.consumers());
            producer.start();
            for (int i = 0; i < settings.consumers(); i++) {
                fleet.add();
            }
            awaitSettled(describer, fleet, "the first assignment");
            steady();

            times.put(EventKind.CLEAN_LEAVE, Instant.now());
            ConsumerProcess leaver = fleet.get(1).orElseThrow();
            say(protocol, "clean stop of %s", leaver.id());
            leaver.terminate();
            leaver.awaitExit(settings.settleTimeout());
            awaitSettled(describer, fleet, "the clean stop");
            steady();

            times.put(EventKind.CRASH, Instant.now());
            ConsumerProcess victim = fleet.get(2).orElseThrow();
            say(protocol, "crash of %s", victim.id());
            victim.crash();
            victim.awaitExit(settings.settleTimeout());
            awaitSettled(describer, fleet, "the crash");
            steady();

            times.put(EventKind.JOIN, Instant.now());
            say(protocol, "join of %s", fleet.add().id());
            awaitSettled(describer, fleet, "the join");
            steady();

            end = Instant.now();
            producer.close();
            say(protocol, "producer stopped after %d records; draining", producer.acknowledged());
            await(describer, snapshot -> snapshot.totalLag() == 0 && snapshot.rows().stream().allMatch(r -> r.committedOffset().isPresent()),
                    "the consumers to catch up");
        } finally {
            fleet.stopAll();
            EmbeddedBroker.deleteRecursively(outputDir);
        }
        DeliveryReport report = new GroupVerification(bootstrapServers, Map.of(), VerifierSettings.DEFAULT).verify(topic, group);
        say(protocol, "processed %d, duplicates %d, lost %d, rebalances %d", report.processed(), report.duplicates(),
                report.lost(), report.rebalances().size());
        return new ScenarioResult(protocol, report, times, end);
    }

    private List<String> consumerOptions(BenchProtocol protocol, String topic, String group) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (protocol.protocol() == GroupProtocolChoice.CLASSIC) {
            properties.put("session.timeout.ms", Long.toString(settings.sessionTimeout().toMillis()));
            properties.put("heartbeat.interval.ms", "500");
        }
        return ConsumerLaunch.consumerOptions(bootstrapServers, topic, group, protocol.protocol().kafkaName(),
                protocol.assignor(), protocol.staticMembership(), properties);
    }

    private void awaitSettled(GroupDescriber describer, ConsumerFleet fleet, String after) throws InterruptedException {
        await(describer, snapshot -> snapshot.settledWith(fleet.aliveIds(), settings.partitions()), "the group to settle after " + after);
    }

    private void await(GroupDescriber describer, Predicate<GroupSnapshot> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(settings.settleTimeout());
        GroupSnapshot last = describer.describe();
        while (!condition.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gave up waiting " + settings.settleTimeout().toSeconds() + " s for " + what
                        + "; group " + last.state() + ": " + last.ownershipText());
            }
            Thread.sleep(200);
            last = describer.describe();
        }
    }

    /** The scenario's own rhythm: the group runs undisturbed, so every rebalance is measured on its own. */
    private void steady() throws InterruptedException {
        Thread.sleep(settings.steady().toMillis());
    }

    private void say(BenchProtocol protocol, String format, Object... args) {
        progress.printf("[%s] %s%n", protocol.cliName(), String.format(format, args));
        progress.flush();
    }
}

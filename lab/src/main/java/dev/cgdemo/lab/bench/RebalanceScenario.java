package dev.cgdemo.lab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.cgdemo.lab.broker.EmbeddedBroker;
import dev.cgdemo.lab.fleet.ConsumerFleet;
import dev.cgdemo.lab.fleet.ConsumerLaunch;
import dev.cgdemo.lab.fleet.ConsumerProcess;
import dev.cgdemo.lab.view.SettleWait;
import dev.cgdemo.worker.audit.AuditTopic;
import dev.cgdemo.worker.audit.GroupVerification;
import dev.cgdemo.worker.consume.GroupProtocolChoice;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducerSettings;
import dev.cgdemo.worker.verify.DeliveryReport;
import dev.cgdemo.worker.verify.VerifierSettings;
import dev.cgdemo.worker.watch.GroupSnapshot;
import dev.cgdemo.worker.watch.GroupWatch;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One protocol through the bench's scenario on a running broker: a producer and N consumer processes on a fresh
 * topic and group; once settled, a series of clean stops, crashes and joins ({@link EventPlan}), each followed by a
 * quiet spell ({@link Pacing}); then the producer stops, the consumers drain and stop, and the verifier reads the
 * audit. Settled is the group history's
 * (a {@link GroupWatch} following the audit) with the group at rest, as in the lab ({@link SettleWait}).
 */
public final class RebalanceScenario {

    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

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

    /**
     * Runs {@code eventCount} events chosen by an {@link EventPlan} that keeps the group at its starting size, paced by
     * {@code pacing}; {@code listener} hears of each after its quiet spell.
     */
    public ScenarioResult run(BenchProtocol protocol, int eventCount, Pacing pacing, EventListener listener) throws Exception {
        String topic = "bench-" + protocol.cliName();
        String group = topic + "-group";
        admin.createTopics(List.of(new NewTopic(topic, settings.partitions(), (short) 1))).all().get(30, TimeUnit.SECONDS);
        AuditTopic.ensure(bootstrapServers, topic, Map.of());   // so the watch follows the audit from its first read
        Path outputDir = Files.createTempDirectory("cgdemo-bench-");   // the consumers' stdout copies, deleted below
        ConsumerFleet fleet = new ConsumerFleet(ConsumerLaunch.fromThisJvm(settings.javaOptions(), consumerOptions(protocol, topic, group)),
                event -> { }, line -> { }, outputDir);
        List<GroupEvent> events = new ArrayList<>();
        List<Long> lostSoFar = new ArrayList<>();
        EventPlan plan = new EventPlan(settings.consumers());
        Instant end;
        ProducerSettings producerSettings = new ProducerSettings(bootstrapServers, topic, "bench-producer-" + protocol.cliName(),
                settings.rate(), settings.keys(), OptionalLong.empty(), Map.of());
        try (GroupWatch watch = new GroupWatch(bootstrapServers, Map.of(), topic, group,
                new GroupWatch.Settings(WATCH_INTERVAL, GroupWatch.Settings.DEFAULT.timeout(),
                        GroupWatch.Settings.DEFAULT.lateCallbacks()),
                Clock.systemUTC(), (w, change) -> { }).start();
             EventProducer producer = new EventProducer(producerSettings, new ProduceListener() { })) {
            say(protocol, "starting %d consumers and the producer", settings.consumers());
            producer.start();
            for (int i = 0; i < settings.consumers(); i++) {
                fleet.add();
            }
            awaitSettled(watch, fleet, "the first assignment");
            steady();

            for (int number = 1; number <= eventCount; number++) {
                GroupEvent event = cause(protocol, number, plan.next(fleet.aliveIds().size()), fleet);
                events.add(event);
                awaitSettled(watch, fleet, "event " + number + " (" + event.kind().label() + ")");
                waitUntil(pacing.next(event.at(), Instant.now()));
                long lost = watch.history().delivery().lost();
                lostSoFar.add(lost);
                listener.after(protocol, EventAttribution.attribute(List.of(event), Instant.now(),
                        watch.history().rebalances(), watch.history().partitionReports()).get(0), lost);
            }

            end = Instant.now();
            producer.close();
            say(protocol, "producer stopped after %d records; draining", producer.acknowledged());
            awaitCaughtUp(watch);
        } finally {
            fleet.stopAll();
            EmbeddedBroker.deleteRecursively(outputDir);
        }
        DeliveryReport report = new GroupVerification(bootstrapServers, Map.of(), VerifierSettings.DEFAULT).verify(topic, group);
        say(protocol, "processed %d, duplicates %d, lost %d, rebalances %d", report.processed(), report.duplicates(),
                report.lost(), report.rebalances().size());
        return new ScenarioResult(protocol, report, events, end, lostSoFar);
    }

    /** Stops the oldest running consumer (clean or hard) or starts a new one. */
    private GroupEvent cause(BenchProtocol protocol, int number, EventKind kind, ConsumerFleet fleet) throws InterruptedException {
        if (kind == EventKind.JOIN) {
            Instant at = Instant.now();
            String id = fleet.add().id();
            say(protocol, "event %d: join of %s", number, id);
            return new GroupEvent(number, kind, id, at);
        }
        String oldest = fleet.aliveIds().get(0);
        ConsumerProcess process = fleet.all().stream().filter(p -> p.id().equals(oldest)).findFirst().orElseThrow();
        say(protocol, "event %d: %s of %s", number, kind == EventKind.CRASH ? "crash" : "clean stop", oldest);
        Instant at = Instant.now();
        if (kind == EventKind.CRASH) {
            process.crash();
        } else {
            process.terminate();
        }
        if (!process.awaitExit(settings.settleTimeout())) {
            throw new IllegalStateException(oldest + " did not exit within " + settings.settleTimeout().toSeconds() + " s");
        }
        return new GroupEvent(number, kind, oldest, at);
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

    private void awaitSettled(GroupWatch watch, ConsumerFleet fleet, String after) throws InterruptedException {
        if (!SettleWait.await(watch, fleet::aliveIds, settings.settleTimeout())) {
            throw new IllegalStateException("gave up waiting " + settings.settleTimeout().toSeconds()
                    + " s for the group to settle after " + after + "; owners " + watch.history().owners()
                    + ", running " + fleet.aliveIds());
        }
    }

    /** Waits, read by read, for a read begun after this call that shows every partition committed to its end. */
    private void awaitCaughtUp(GroupWatch watch) throws InterruptedException {
        Instant deadline = Instant.now().plus(settings.settleTimeout());
        watch.awaitNextRead(settings.settleTimeout());   // may have begun before the producer stopped
        Optional<GroupSnapshot> last = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            last = watch.awaitNextRead(Duration.between(Instant.now(), deadline));
            if (last.filter(RebalanceScenario::caughtUp).isPresent()) {
                return;
            }
        }
        throw new IllegalStateException("gave up waiting " + settings.settleTimeout().toSeconds()
                + " s for the consumers to catch up; last read: "
                + last.map(s -> s.available() ? "total lag " + s.totalLag() : s.unavailable()).orElse("none"));
    }

    private static boolean caughtUp(GroupSnapshot snapshot) {
        return snapshot.available() && snapshot.rows().stream().allMatch(row -> row.committed() != null && row.lag() == 0);
    }

    /** The scenario's own rhythm: the group runs undisturbed, so every rebalance is measured on its own. */
    private void steady() throws InterruptedException {
        Thread.sleep(settings.steady().toMillis());
    }

    private static void waitUntil(Instant next) throws InterruptedException {
        long millis = Duration.between(Instant.now(), next).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private void say(BenchProtocol protocol, String format, Object... args) {
        progress.printf("[%s] %s%n", protocol.cliName(), String.format(format, args));
        progress.flush();
    }
}

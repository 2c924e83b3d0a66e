package dev.cgdemo.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import dev.cgdemo.lab.LabSummary.StepOutcome;
import dev.cgdemo.lab.accounting.RecordAccount;
import dev.cgdemo.lab.broker.EmbeddedBroker;
import dev.cgdemo.lab.chaos.LabChaos;
import dev.cgdemo.lab.fleet.ConsumerFleet;
import dev.cgdemo.lab.fleet.ConsumerLaunch;
import dev.cgdemo.lab.fleet.ConsumerProcess;
import dev.cgdemo.lab.script.CommandParser;
import dev.cgdemo.lab.script.LabCommand;
import dev.cgdemo.lab.view.GroupTable;
import dev.cgdemo.lab.view.OwnershipText;
import dev.cgdemo.lab.view.RebalanceLines;
import dev.cgdemo.lab.view.SettleWait;
import dev.cgdemo.lab.view.TerminalScreen;
import dev.cgdemo.worker.audit.AuditTopic;
import dev.cgdemo.worker.chaos.ChaosTotals;
import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.PartitionOffsets;
import dev.cgdemo.worker.history.PartitionReport;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducerSettings;
import dev.cgdemo.worker.produce.WebEvent;
import dev.cgdemo.worker.watch.GroupSnapshot;
import dev.cgdemo.worker.view.GroupView;
import dev.cgdemo.worker.view.MemberColours;
import dev.cgdemo.worker.view.ViewFeed;
import dev.cgdemo.worker.view.ViewFrames;
import dev.cgdemo.worker.view.ViewHeader;
import dev.cgdemo.worker.view.ViewServer;
import dev.cgdemo.worker.view.ViewSource;
import dev.cgdemo.worker.watch.GroupWatch;

/**
 * One run of the lab: an embedded broker, the topic, a producer in this JVM, consumer processes, the
 * live table, and either typed commands or a script. The group is seen through one {@link GroupWatch}: its
 * history (fed by the consumers' audit) says who owns what, when the group is settled, how many rebalances
 * there were and what became of every record. {@link #close()} (also from a shutdown hook) leaves no process
 * and no data behind.
 */
final class LabSession implements AutoCloseable {
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);
    private static final Duration TABLE_INTERVAL = Duration.ofSeconds(2);
    private static final Duration CHAOS_TICK = Duration.ofMillis(500);

    private final LabSettings settings;
    private final PrintStream out;
    private final TerminalScreen screen;
    /** One colour per consumer, the same in the terminal table and on the web page. */
    private final MemberColours colours = new MemberColours();
    private final Instant labStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    private final List<StepOutcome> steps = new ArrayList<>();
    private EmbeddedBroker broker;
    private Admin admin;
    private EventProducer producer;
    private ConsumerFleet fleet;
    private ConsumerActivity activity;
    private volatile GroupWatch watch;
    private ViewFeed viewFeed;
    private ViewServer viewServer;
    private ExecutorService pageCommands;
    private ScheduledExecutorService tablePrinter;
    private LabChaos chaos;
    private boolean closed;
    /** Each consumer's stdout; deleted on close unless records were lost (then it is the evidence). */
    private Path outputDir;
    private boolean keepOutput;

    LabSession(LabSettings settings, PrintStream out) {
        this(settings, out, false);
    }

    /** @param terminal redraw the table in place, in colour (stdout is a terminal and commands are typed) */
    LabSession(LabSettings settings, PrintStream out, boolean terminal) {
        this.settings = settings;
        this.out = out;
        this.screen = new TerminalScreen(out, terminal && settings.script().isEmpty());
    }

    /** Runs the lab to the end; returns the process exit code (0 only when every record was processed and none lost). */
    int run(InputStream in) throws Exception {
        start();
        Optional<List<LabCommand>> script = settings.script();
        if (script.isPresent()) {
            for (LabCommand step : script.get()) {
                if (!execute(step)) {
                    break;
                }
            }
        } else {
            say(CommandParser.USAGE);
            readCommands(in);
        }
        LabSummary summary = finish();
        say(summary.render());
        return summary.exitCode();
    }

    private void start() throws Exception {
        broker = EmbeddedBroker.start(settings.broker());
        String bootstrap = broker.bootstrapServers();
        say(String.format("Kafka broker (KRaft, in this JVM) at %s, ready %.1f s after the lab started   data: %s",
                bootstrap, Duration.between(labStart, Instant.now()).toMillis() / 1000.0, broker.dataDir()));
        startView();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        admin.createTopics(List.of(new NewTopic(settings.topic(), settings.partitions(), (short) 1)))
                .all().get(60, TimeUnit.SECONDS);
        // Before the watch starts: it then follows the consumers' audit from its first read.
        AuditTopic.ensure(bootstrap, settings.topic(), Map.of());
        watch = new GroupWatch(bootstrap, Map.of(), settings.topic(), settings.group(),
                new GroupWatch.Settings(WATCH_INTERVAL, GroupWatch.Settings.DEFAULT.timeout(),
                        GroupWatch.Settings.DEFAULT.lateCallbacks()),
                Clock.systemUTC(), rebalancesAndPage(new RebalanceLines(this::say))).start();
        say("topic " + settings.topic() + " with " + settings.partitions() + " partitions; group " + settings.group()
                + ", protocol " + settings.protocol() + ", assignor "
                + (settings.assignor() == null ? settings.protocol().defaultAssignor() : settings.assignor())
                + (settings.staticMembership() ? ", static membership" : ""));

        producer = new EventProducer(new ProducerSettings(bootstrap, settings.topic(), "lab-producer",
                settings.ratePerSecond(), settings.keys(), OptionalLong.empty(), Map.of()), new ProduceListener() {
            @Override
            public void onFailed(WebEvent event, Exception error) {
                say("producer: could not send " + event.userId() + ": " + error.getMessage());
            }
        });
        producer.start();
        say("producer: " + settings.ratePerSecond() + " events/s over " + settings.keys() + " user ids");

        activity = new ConsumerActivity(labStart, this::say);
        outputDir = Files.createTempDirectory("cgdemo-lab-");
        say("consumer output: " + outputDir + " (kept only if records are lost or not consumed)");
        fleet = new ConsumerFleet(launch(bootstrap), activity, line -> {
            if (settings.verbose()) {
                say(line);
            }
        }, outputDir);
        for (int i = 0; i < settings.consumers(); i++) {
            ConsumerProcess started = fleet.add();
            say("started " + started.id() + " (pid " + started.pid() + ")");
        }
        tablePrinter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "table");
            thread.setDaemon(true);
            return thread;
        });
        tablePrinter.scheduleWithFixedDelay(this::printTable, TABLE_INTERVAL.toMillis(), TABLE_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        recordOwnership("start");
        settings.chaos().ifPresent(plan -> {
            chaos = new LabChaos(plan, fleet, watch, this::say, Clock.systemUTC());
            say("chaos: one of " + plan.actions().stream().map(a -> a.name()).toList() + " every "
                    + plan.every().toMillis() / 1000.0 + " s once the group has settled, never below one consumer");
            tablePrinter.scheduleWithFixedDelay(this::chaosTick, CHAOS_TICK.toMillis(), CHAOS_TICK.toMillis(),
                    TimeUnit.MILLISECONDS);
        });
    }

    private void chaosTick() {
        try {
            chaos.tick();
        } catch (RuntimeException e) {
            say("chaos: " + e);
        }
    }

    /**
     * The live web view on 127.0.0.1 ({@code --ui-port}), up before the group exists so the page can be opened at
     * once; a port in use is said and the lab runs on without it.
     */
    private void startView() {
        if (settings.uiPort() == 0) {
            return;
        }
        GroupHistory none = new GroupHistory(0, GroupWatch.Settings.DEFAULT.lateCallbacks());
        ViewSource source = new ViewSource() {
            @Override
            public GroupHistory history() {
                GroupWatch current = watch;
                return current == null ? none : current.history();
            }

            @Override
            public Optional<GroupSnapshot> latest() {
                GroupWatch current = watch;
                return current == null ? Optional.empty() : current.latest();
            }

            @Override
            public Optional<GroupSnapshot> lastAvailable() {
                GroupWatch current = watch;
                return current == null ? Optional.empty() : current.lastAvailable();
            }

            @Override
            public boolean auditing() {
                GroupWatch current = watch;
                return current != null && current.auditing();
            }
        };
        String assignor = settings.assignor() == null ? settings.protocol().defaultAssignor() : settings.assignor();
        LabPageActions actions = new LabPageActions(this::submitFromPage, () -> fleet == null ? List.of() : fleet.aliveIds());
        viewFeed = new ViewFeed(source, new ViewFrames(new ViewHeader("cgdemo lab", assignor), colours,
                actions.available()), Clock.systemUTC());
        pageCommands = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "page-commands");
            thread.setDaemon(true);
            return thread;
        });
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.uiPort());
        try {
            viewServer = ViewServer.start(address, new GroupView(viewFeed, Optional.of(actions)));
            say("live view: http://127.0.0.1:" + viewServer.port() + "/  (stop, crash and add buttons; --ui-port 0 turns it off)");
        } catch (BindException e) {
            say("live view off: 127.0.0.1:" + settings.uiPort() + " is in use (--ui-port picks another port, 0 turns it off)");
        } catch (IOException e) {
            say("live view off: " + e.getMessage());
        }
    }

    private GroupWatch.Listener rebalancesAndPage(GroupWatch.Listener rebalanceLines) {
        return (changedWatch, change) -> {
            rebalanceLines.changed(changedWatch, change);
            if (viewFeed != null) {
                viewFeed.changed();
            }
        };
    }

    /** A button on the page: the command runs as if typed, on its own thread, one at a time. */
    private void submitFromPage(LabCommand command) {
        pageCommands.execute(() -> {
            try {
                say("(from the web page)");
                execute(command);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                say("'" + command.text() + "' from the web page failed: " + e.getMessage());
            }
        });
    }

    private ConsumerLaunch launch(String bootstrap) {
        List<String> options = new ArrayList<>(ConsumerLaunch.consumerOptions(bootstrap, settings.topic(), settings.group(),
                settings.protocol().kafkaName(), settings.assignor(), settings.staticMembership(), settings.consumerProperties()));
        if (settings.processingDelayMs() > 0) {
            options.addAll(List.of("--processing-delay-ms", String.valueOf(settings.processingDelayMs())));
        }
        return ConsumerLaunch.fromThisJvm(settings.consumerJavaOptions(), options);
    }

    private void readCommands(InputStream in) throws IOException, InterruptedException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            screen.typed();
            if (line.isBlank()) {
                continue;
            }
            LabCommand command;
            try {
                command = CommandParser.parse(line);
            } catch (IllegalArgumentException e) {
                say(e.getMessage());
                continue;
            }
            if (!execute(command)) {
                return;
            }
        }
    }

    /** @return false when the lab should stop */
    private boolean execute(LabCommand command) throws InterruptedException {
        say("> " + command.text());
        if (command instanceof LabCommand.Wait wait) {
            Thread.sleep(wait.duration().toMillis()); // the step itself is "let time pass"
        } else if (command instanceof LabCommand.Kill kill) {
            if (!signal(kill.consumer(), false)) {
                return true;
            }
        } else if (command instanceof LabCommand.Crash crash) {
            if (!signal(crash.consumer(), true)) {
                return true;
            }
        } else if (command instanceof LabCommand.Add) {
            ConsumerProcess added = fleet.add();
            say("started " + added.id() + " (pid " + added.pid() + ")");
        } else if (command instanceof LabCommand.Status) {
            printStatus();
            return true;
        } else if (command instanceof LabCommand.Help) {
            say(CommandParser.USAGE);
            return true;
        } else if (command instanceof LabCommand.Quit) {
            return false;
        }
        recordOwnership(command.text());
        return true;
    }

    private boolean signal(int number, boolean crash) {
        Optional<ConsumerProcess> target = fleet.get(number).filter(ConsumerProcess::isAlive);
        if (target.isEmpty()) {
            say("no running consumer-" + number + "; running: " + fleet.aliveIds());
            return false;
        }
        ConsumerProcess process = target.get();
        if (crash) {
            process.crash();
            say("sent SIGKILL to " + process.id() + ": its partitions move after the session timeout");
        } else {
            process.terminate();
            say("sent SIGTERM to " + process.id() + ": it commits, leaves the group and exits");
        }
        try {
            if (process.awaitExit(settings.settleTimeout())) {
                say(process.id() + " exited with " + process.exitCode().orElse(-1));
            } else {
                say(process.id() + " has not exited after " + settings.settleTimeout().toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Waits until the group settled with the running consumers ({@link SettleWait}), then remembers who owns what. */
    private void recordOwnership(String afterCommand) throws InterruptedException {
        boolean settled = SettleWait.await(watch, fleet::aliveIds, settings.settleTimeout());
        String ownership = OwnershipText.of(watch.history().members());
        synchronized (steps) {
            steps.add(new StepOutcome(afterCommand, ownership, settled));
        }
        say("after '" + afterCommand + "': " + (settled ? "" : "(not settled) ") + ownership);
    }

    /** The table every 2 s: on a terminal in place of the last one, each owner in its colour (as on the page). */
    private void printTable() {
        GroupTable.render(watch, screen.inPlace() ? owner -> TerminalScreen.paint(owner, colours.of(owner)) : owner -> owner)
                .ifPresent(table -> screen.table(table
                        + String.format("produced %d, consumed %d; running: %s", producer.acknowledged(), activity.consumed(),
                        fleet.aliveIds())));
    }

    private void printStatus() {
        printTable();
        Map<String, List<Integer>> owned = new TreeMap<>();
        watch.history().members().forEach(member -> owned.put(member.member(), member.partitions()));
        for (ConsumerProcess process : fleet.all()) {
            String state = process.isAlive() ? "running" : "exited with " + process.exitCode().orElse(-1);
            say(String.format("  %-12s pid %-7d %-16s owns %s", process.id(), process.pid(), state,
                    owned.getOrDefault(process.id(), List.of())));
        }
        say("  rebalances seen: " + watch.history().rebalanceCount());
    }

    /**
     * Stops the producer, lets the consumers drain, stops them cleanly and accounts for every record from the
     * group's history once it holds the final offsets and the whole audit.
     */
    private LabSummary finish() throws Exception {
        if (chaos != null) {
            tablePrinter.shutdownNow();   // no chaos action while the run is accounted for
            tablePrinter.awaitTermination(10, TimeUnit.SECONDS);
        }
        say("stopping the producer and letting the consumers catch up ...");
        producer.close();
        GroupSnapshot written = readBegunNow();
        if (!awaitProcessed(written)) {
            say(fleet.aliveIds().isEmpty() ? "no consumer is running to read the rest"
                    : "the consumers did not catch up in " + settings.settleTimeout().toSeconds() + " s");
        }
        // Before the final stop, whose leaves are no chaos action's rebalance.
        List<ChaosTotals> chaosTotals = chaos == null ? List.of() : chaos.finish();
        say("stopping the consumers (SIGTERM) ...");
        fleet.stopAll();
        RecordAccount records = new RecordAccount(activity.consumed(), finalReports());
        if (!records.complete()) {
            keepOutput = true;
            say("records were lost or not consumed; every consumer's output is kept in " + outputDir);
        }
        List<StepOutcome> stepsSoFar;
        synchronized (steps) {
            stepsSoFar = List.copyOf(steps);
        }
        return new LabSummary(stepsSoFar, watch.history().rebalanceCount(), activity.revocations(), activity.losses(),
                producer.acknowledged(), records, activity.timeToFirstRecord(), activity.unreadableLines(),
                chaosTotals);
    }

    /** A successful read of the group that began after this call (the one under way may have begun before). */
    private GroupSnapshot readBegunNow() throws InterruptedException {
        long deadline = System.nanoTime() + settings.settleTimeout().toNanos();
        watch.awaitNextRead(remaining(deadline));
        while (true) {
            Optional<GroupSnapshot> read = watch.awaitNextRead(remaining(deadline));
            if (read.isPresent() && read.get().available()) {
                return read.get();
            }
            if (remaining(deadline).isZero()) {
                throw new IllegalStateException("could not read group " + settings.group() + " in "
                        + settings.settleTimeout().toSeconds() + " s"
                        + read.map(snapshot -> ": " + snapshot.unavailable()).orElse(""));
            }
        }
    }

    /** Waits, read by read, until every offset below {@code written}'s log ends was processed; false if not. */
    private boolean awaitProcessed(GroupSnapshot written) throws InterruptedException {
        long deadline = System.nanoTime() + settings.settleTimeout().toNanos();
        while (!processedUpTo(written)) {
            if (fleet.aliveIds().isEmpty() || remaining(deadline).isZero()) {
                return false;
            }
            watch.awaitNextRead(remaining(deadline));
        }
        return true;
    }

    private boolean processedUpTo(GroupSnapshot written) {
        List<PartitionReport> reports = watch.history().partitionReports();
        return written.offsets().stream().allMatch(offsets -> offsets.partition() < reports.size()
                && reports.get(offsets.partition()).processed() >= offsets.end() - offsets.start());
    }

    /**
     * The history's reports once it holds the offsets of a read begun after the consumers stopped: that read also
     * took the audit to its end, so every entry of committed work is in.
     */
    private List<PartitionReport> finalReports() throws InterruptedException {
        long deadline = System.nanoTime() + settings.settleTimeout().toNanos();
        while (true) {
            GroupSnapshot last = readBegunNow();
            GroupHistory history = watch.history();
            List<PartitionReport> reports = history.partitionReports();
            if (holds(reports, last.offsets()) || remaining(deadline).isZero()) {
                return reports;
            }
        }
    }

    private static boolean holds(List<PartitionReport> reports, List<PartitionOffsets> offsets) {
        return reports.size() == offsets.size() && offsets.stream().allMatch(read -> {
            PartitionReport report = reports.get(read.partition());
            return report.start() == read.start() && report.committed() == read.committed() && report.end() == read.end();
        });
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private void say(String line) {
        screen.line(line);
    }

    /** Stops everything in reverse order of start; safe to call twice and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (tablePrinter != null) {
            tablePrinter.shutdownNow();
        }
        if (producer != null) {
            producer.close();
        }
        if (fleet != null) {
            fleet.stopAll();
        }
        if (pageCommands != null) {
            pageCommands.shutdownNow();
        }
        if (viewServer != null) {
            viewServer.close();
        }
        if (viewFeed != null) {
            viewFeed.close();
        }
        if (watch != null) {
            watch.close();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (broker != null) {
            broker.close();
        }
        if (outputDir != null && !keepOutput) {
            EmbeddedBroker.deleteRecursively(outputDir);
        }
    }
}

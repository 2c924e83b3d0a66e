package dev.cgdemo.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The worker's producer and consumer against Kafka's own {@code ProducerPerformance} and {@code ConsumerPerformance},
 * each its own process with the same JVM options, one after another, on the same broker, with the same records:
 * Kafka's producer sends the worker's own JSON events (a payload file sampled from the worker's topic), and both
 * consumers read the topic the worker's producer wrote.
 */
public final class ThroughputBench {

    static final List<String> JAVA_OPTIONS = List.of("-Xms256m", "-Xmx512m");
    /**
     * ConsumerPerformance asks for a 2 MiB socket receive buffer by default where a consumer's default is 64 KiB; on
     * loopback that alone is worth a quarter of the throughput, so both consumers get it, set explicitly.
     */
    static final int RECEIVE_BUFFER_BYTES = 2 * 1024 * 1024;
    static final int ROUNDS = 5;
    static final String WORKER_PRODUCER = "worker producer";
    static final String KAFKA_PRODUCER = "Kafka ProducerPerformance";
    static final String WORKER_CONSUMER = "worker consumer (audit off)";
    static final String AUDITED_CONSUMER = "worker consumer (audit on)";
    static final String KAFKA_CONSUMER = "Kafka ConsumerPerformance";
    /** The worker's first producer run writes the topic both consumers read; the other producers' topics are dropped. */
    private static final String CONSUMED_TOPIC = "tput-worker-1";
    private static final String WARM_UP_TOPIC = "tput-warm-up";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern PRODUCER_SUMMARY = Pattern.compile("^(\\d+) records sent, ([\\d.]+) records/sec.*");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The batch total: the first "count" of a records_consumed line (the per-partition counts follow it). */
    private static final Pattern CONSUMED_COUNT = Pattern.compile("\"count\":(\\d+)");

    /**
     * A deleted topic's files go after {@code log.segment.delete.delay.ms} (a minute by default), which would land in
     * the middle of a later run; with none, they go before the next run starts (see {@link #discardUnlessConsumed}).
     */
    public static final Map<String, String> BROKER_OVERRIDES = Map.of("log.segment.delete.delay.ms", "0");
    private static final Duration DELETE_TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final Path logDir;
    private final Admin admin;
    private final long records;
    private final int partitions;
    private final PrintStream progress;

    /** @param logDir the broker's log directory, to see deleted topics' files go */
    public ThroughputBench(String bootstrapServers, Path logDir, Admin admin, long records, int partitions, PrintStream progress) {
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
        this.admin = admin;
        this.records = records;
        this.partitions = partitions;
        this.progress = progress;
    }

    /**
     * {@link #ROUNDS} rounds; within a round each client runs once, in an order that rotates from round to round. The
     * table shows each client's median run. The broker in this JVM is still compiling its produce and fetch paths
     * during its first seconds of each, which slowed whoever came first by a third or more (the worker's producer: 27 s
     * first, 15 to 17 s later); an unmeasured run of a fifth of the records warms each path first.
     */
    public ThroughputRuns run() throws Exception {
        long warmUp = Math.max(1, records / 5);
        List<NewTopic> topics = new ArrayList<>(List.of(new NewTopic(WARM_UP_TOPIC, partitions, (short) 1)));
        for (int round = 1; round <= ROUNDS; round++) {
            topics.add(new NewTopic("tput-worker-" + round, partitions, (short) 1));
            topics.add(new NewTopic("tput-kafka-" + round, partitions, (short) 1));
        }
        admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        ThroughputRuns runs = new ThroughputRuns();
        Payloads payloads = null;
        double bytesPerRecord = 0;
        progress.println("[throughput] warm-up, not measured: the worker's producer, " + warmUp + " records");
        workerProducer(WARM_UP_TOPIC, warmUp);
        discardUnlessConsumed(WARM_UP_TOPIC);
        for (int round = 1; round <= ROUNDS; round++) {
            // Kafka's producer sends the worker's own records, so the first round starts with the worker's
            boolean workerFirst = round % 2 == 1;
            progress.println("[throughput] round " + round + " of " + ROUNDS + ": producers, " + records + " records each");
            if (workerFirst) {
                record(runs, workerProducer("tput-worker-" + round, records));
            }
            if (payloads == null) {
                payloads = samplePayloads(CONSUMED_TOPIC, 2000);
                bytesPerRecord = payloads.averageBytes();
            }
            record(runs, kafkaProducer("tput-kafka-" + round, payloads));
            if (!workerFirst) {
                record(runs, workerProducer("tput-worker-" + round, records));
            }
            discardUnlessConsumed("tput-worker-" + round, "tput-kafka-" + round);
        }
        Files.deleteIfExists(payloads.file());
        progress.println("[throughput] warm-up, not measured: ConsumerPerformance, " + warmUp + " records");
        kafkaConsumer("tput-group-warm-up", warmUp, bytesPerRecord);
        for (int round = 1; round <= ROUNDS; round++) {
            progress.println("[throughput] round " + round + " of " + ROUNDS + ": consumers");
            for (int turn = 0; turn < 3; turn++) {
                switch ((turn + round - 1) % 3) {
                    case 0 -> record(runs, kafkaConsumer("tput-group-kafka-" + round, records, bytesPerRecord));
                    case 1 -> record(runs, workerConsumer(WORKER_CONSUMER, "tput-group-worker-" + round, false, bytesPerRecord));
                    default -> record(runs, workerConsumer(AUDITED_CONSUMER, "tput-group-audited-" + round, true, bytesPerRecord));
                }
            }
        }
        // the worker producer's first run came before the payload size was known; its MB/s uses everyone's size
        return runs.withBytesPerRecord(WORKER_PRODUCER, bytesPerRecord);
    }

    /** From the worker's startup_complete to its shutdown_complete (after the last acknowledgement and close). */
    private ThroughputFigure workerProducer(String topic, long count) throws Exception {
        try (JavaProcess producer = new JavaProcess("worker-producer", JAVA_OPTIONS, "dev.cgdemo.worker.WorkerMain", List.of(
                "produce", "--bootstrap-servers", bootstrapServers, "--topic", topic, "--rate", "1000000000",
                "--count", Long.toString(count), "--keys", "1000", "--producer-id", "tput-producer",
                "--events", "json", "--http-port", "0"))) {
            producer.awaitExit(TIMEOUT);
            long start = timestampOf(producer.lines(), "startup_complete");
            JsonNode done = event(producer.lines(), "shutdown_complete");
            long acknowledged = done.path("acknowledged").asLong();
            if (acknowledged != count) {
                throw new IllegalStateException("the worker's producer acknowledged " + acknowledged + " of " + count);
            }
            return new ThroughputFigure(WORKER_PRODUCER, count, (done.path("timestamp").asLong() - start) / 1000.0, 0);
        }
    }

    private ThroughputFigure kafkaProducer(String topic, Payloads payloads) throws Exception {
        try (JavaProcess producer = new JavaProcess("producer-performance", JAVA_OPTIONS, "org.apache.kafka.tools.ProducerPerformance", List.of(
                "--bootstrap-server", bootstrapServers, "--topic", topic, "--num-records", Long.toString(records),
                "--throughput", "-1", "--payload-file", payloads.file().toString(), "--command-property", "acks=all"))) {
            producer.awaitExit(TIMEOUT);
            for (String line : lastFirst(producer.lines())) {
                Matcher summary = PRODUCER_SUMMARY.matcher(line);
                if (summary.matches()) {
                    double perSecond = Double.parseDouble(summary.group(2));
                    return new ThroughputFigure(KAFKA_PRODUCER, records, records / perSecond, payloads.averageBytes());
                }
            }
            throw new IllegalStateException("no summary from ProducerPerformance: " + producer.lines());
        }
    }

    /** From the member's first assignment to the poll that brought the count to {@code records}, like fetch time. */
    private ThroughputFigure workerConsumer(String label, String group, boolean audit, double bytesPerRecord) throws Exception {
        try (JavaProcess consumer = new JavaProcess(group, JAVA_OPTIONS, "dev.cgdemo.worker.WorkerMain", List.of(
                "consume", "--bootstrap-servers", bootstrapServers, "--topic", CONSUMED_TOPIC, "--group", group,
                "--id", group + "-1", "--events", "json", "--http-port", "0", audit ? "--audit" : "--no-audit",
                "--property", "receive.buffer.bytes=" + RECEIVE_BUFFER_BYTES))) {
            // checked every 100 ms, each line counted once: the broker shares this JVM and should not pay for watching
            ConsumedCount consumed = new ConsumedCount(records);
            consumer.await(() -> consumed.reachedIn(consumer.lines()).isPresent(), TIMEOUT);
            long start = timestampOf(consumer.lines(), "partitions_assigned");
            long end = parse(consumed.reachedIn(consumer.lines()).orElseThrow()).path("timestamp").asLong();
            return new ThroughputFigure(label, records, (end - start) / 1000.0, bytesPerRecord);
        }
    }

    /** ConsumerPerformance's own fetch time: from the end of its group join to its last record. */
    private ThroughputFigure kafkaConsumer(String group, long count, double bytesPerRecord) throws Exception {
        try (JavaProcess consumer = new JavaProcess("consumer-performance", JAVA_OPTIONS, "org.apache.kafka.tools.ConsumerPerformance", List.of(
                "--bootstrap-server", bootstrapServers, "--topic", CONSUMED_TOPIC, "--num-records", Long.toString(count),
                "--group", group, "--timeout", "60000", "--hide-header",
                "--socket-buffer-size", Integer.toString(RECEIVE_BUFFER_BYTES)))) {
            consumer.awaitExit(TIMEOUT);
            for (String line : lastFirst(consumer.lines())) {
                String[] fields = line.split(",\\s*");
                if (fields.length >= 10) {
                    long consumed = Long.parseLong(fields[4].trim());
                    long fetchMs = Long.parseLong(fields[7].trim());
                    return new ThroughputFigure(KAFKA_CONSUMER, consumed, fetchMs / 1000.0, bytesPerRecord);
                }
            }
            throw new IllegalStateException("no figures from ConsumerPerformance: " + consumer.lines());
        }
    }

    /** Keeps a run, and shows it: the table only has each client's median. */
    private void record(ThroughputRuns runs, ThroughputFigure run) {
        runs.add(run);
        progress.printf(Locale.ROOT, "[throughput]   %s: %d records in %.2f s%n", run.client(), run.records(), run.seconds());
    }

    private static List<String> lastFirst(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        Collections.reverse(copy);
        return copy;
    }

    /** Adds up the records_consumed counts of the lines so far; lines only ever get added, so each is read once. */
    private static final class ConsumedCount {
        private final long target;
        private int linesRead;
        private long sum;
        private String reachedAt;

        ConsumedCount(long target) {
            this.target = target;
        }

        /** The line whose count brought the sum to the target, once there is one. */
        Optional<String> reachedIn(List<String> lines) {
            for (int size = lines.size(); reachedAt == null && linesRead < size; linesRead++) {
                String line = lines.get(linesRead);
                Matcher count = CONSUMED_COUNT.matcher(line);
                if (line.contains("\"records_consumed\"") && count.find()) {
                    sum += Long.parseLong(count.group(1));
                    reachedAt = sum >= target ? line : null;
                }
            }
            return Optional.ofNullable(reachedAt);
        }
    }

    /**
     * At ten million records a topic is one and a half gigabytes; only the one the consumers read is kept. Returns
     * when the deleted topics' files are gone, so that no run shares the machine with their deletion.
     */
    private void discardUnlessConsumed(String... topics) throws Exception {
        List<String> unread = new ArrayList<>(List.of(topics));
        unread.remove(CONSUMED_TOPIC);
        admin.deleteTopics(unread).all().get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + DELETE_TIMEOUT.toNanos();
        while (hasFilesOf(unread)) {
            if (System.nanoTime() > deadline) {
                progress.println("[throughput] warning: the files of " + unread + " are still there after "
                        + DELETE_TIMEOUT.toSeconds() + " s; the next runs may share the machine with their deletion");
                return;
            }
            Thread.sleep(100);
        }
    }

    /** True while the log directory holds a partition directory of one of {@code topics}, live or being deleted. */
    private boolean hasFilesOf(List<String> topics) throws IOException {
        try (var dirs = Files.list(logDir)) {
            return dirs.map(dir -> dir.getFileName().toString())
                    .anyMatch(name -> topics.stream().anyMatch(topic -> name.startsWith(topic + "-")));
        }
    }

    /** A file of the worker's own records, one value per line, for ProducerPerformance's --payload-file. */
    private record Payloads(Path file, double averageBytes) {
    }

    private Payloads samplePayloads(String topic, int count) throws IOException {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "tput-sampler");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        Path file = Files.createTempFile("cgdemo-payloads-", ".txt");
        Files.writeString(file, String.join("\n", values), StandardCharsets.UTF_8);
        double averageBytes = values.stream().mapToInt(value -> value.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
        return new Payloads(file, averageBytes);
    }

    private static long timestampOf(List<String> lines, String name) {
        return event(lines, name).path("timestamp").asLong();
    }

    private static JsonNode event(List<String> lines, String name) {
        for (String line : lines) {
            JsonNode event = parse(line);
            if (event.path("name").asText().equals(name)) {
                return event;
            }
        }
        throw new IllegalStateException("no " + name + " event in " + lines.size() + " lines");
    }

    private static JsonNode parse(String line) {
        try {
            return line.startsWith("{") ? JSON.readTree(line) : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    static final int ROUNDS = 3;
    static final String WORKER_PRODUCER = "worker producer";
    static final String KAFKA_PRODUCER = "Kafka ProducerPerformance";
    static final String WORKER_CONSUMER = "worker consumer (audit off)";
    static final String AUDITED_CONSUMER = "worker consumer (audit on)";
    static final String KAFKA_CONSUMER = "Kafka ConsumerPerformance";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern PRODUCER_SUMMARY = Pattern.compile("^(\\d+) records sent, ([\\d.]+) records/sec.*");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The batch total: the first "count" of a records_consumed line (the per-partition counts follow it). */
    private static final Pattern CONSUMED_COUNT = Pattern.compile("\"count\":(\\d+)");

    private final String bootstrapServers;
    private final Admin admin;
    private final long records;
    private final int partitions;
    private final PrintStream progress;

    public ThroughputBench(String bootstrapServers, Admin admin, long records, int partitions, PrintStream progress) {
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
        this.records = records;
        this.partitions = partitions;
        this.progress = progress;
    }

    /**
     * {@link #ROUNDS} rounds; within a round each client runs once, in an order that rotates from round to round (the
     * broker in this JVM warms up as it goes, which favours whoever runs later). The table shows each client's
     * median run.
     */
    public ThroughputRuns run() throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            topics.add(new NewTopic("tput-worker-" + round, partitions, (short) 1));
            topics.add(new NewTopic("tput-kafka-" + round, partitions, (short) 1));
        }
        admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        ThroughputRuns runs = new ThroughputRuns();
        Path payloads = null;
        double bytesPerRecord = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            // Kafka's producer sends the worker's own records, so the first round starts with the worker's
            boolean workerFirst = round % 2 == 1;
            progress.println("[throughput] round " + round + " of " + ROUNDS + ": producers, " + records + " records each");
            if (workerFirst) {
                runs.add(workerProducer("tput-worker-" + round));
            }
            if (payloads == null) {
                payloads = samplePayloads("tput-worker-1", 2000);
                bytesPerRecord = averageLineBytes(payloads);
            }
            runs.add(kafkaProducer("tput-kafka-" + round, payloads, bytesPerRecord));
            if (!workerFirst) {
                runs.add(workerProducer("tput-worker-" + round));
            }
        }
        Files.deleteIfExists(payloads);
        for (int round = 1; round <= ROUNDS; round++) {
            progress.println("[throughput] round " + round + " of " + ROUNDS + ": consumers");
            for (int turn = 0; turn < 3; turn++) {
                switch ((turn + round - 1) % 3) {
                    case 0 -> runs.add(kafkaConsumer("tput-group-kafka-" + round, bytesPerRecord));
                    case 1 -> runs.add(workerConsumer(WORKER_CONSUMER, "tput-group-worker-" + round, false, bytesPerRecord));
                    default -> runs.add(workerConsumer(AUDITED_CONSUMER, "tput-group-audited-" + round, true, bytesPerRecord));
                }
            }
        }
        // the worker producer's first run came before the payload size was known; its MB/s uses everyone's size
        return runs.withBytesPerRecord(WORKER_PRODUCER, bytesPerRecord);
    }

    /** From the worker's startup_complete to its shutdown_complete (after the last acknowledgement and close). */
    private ThroughputFigure workerProducer(String topic) throws Exception {
        try (JavaProcess producer = new JavaProcess("worker-producer", JAVA_OPTIONS, "dev.cgdemo.worker.WorkerMain", List.of(
                "produce", "--bootstrap-servers", bootstrapServers, "--topic", topic, "--rate", "1000000000",
                "--count", Long.toString(records), "--keys", "1000", "--producer-id", "tput-producer",
                "--events", "json", "--http-port", "0"))) {
            producer.awaitExit(TIMEOUT);
            long start = timestampOf(producer.lines(), "startup_complete");
            JsonNode done = event(producer.lines(), "shutdown_complete");
            long acknowledged = done.path("acknowledged").asLong();
            if (acknowledged != records) {
                throw new IllegalStateException("the worker's producer acknowledged " + acknowledged + " of " + records);
            }
            return new ThroughputFigure(WORKER_PRODUCER, records, (done.path("timestamp").asLong() - start) / 1000.0, 0);
        }
    }

    private ThroughputFigure kafkaProducer(String topic, Path payloads, double bytesPerRecord) throws Exception {
        try (JavaProcess producer = new JavaProcess("producer-performance", JAVA_OPTIONS, "org.apache.kafka.tools.ProducerPerformance", List.of(
                "--bootstrap-server", bootstrapServers, "--topic", topic, "--num-records", Long.toString(records),
                "--throughput", "-1", "--payload-file", payloads.toString(), "--command-property", "acks=all"))) {
            producer.awaitExit(TIMEOUT);
            for (String line : lastFirst(producer.lines())) {
                Matcher summary = PRODUCER_SUMMARY.matcher(line);
                if (summary.matches()) {
                    double perSecond = Double.parseDouble(summary.group(2));
                    return new ThroughputFigure(KAFKA_PRODUCER, records, records / perSecond, bytesPerRecord);
                }
            }
            throw new IllegalStateException("no summary from ProducerPerformance: " + producer.lines());
        }
    }

    /** From the member's first assignment to the poll that brought the count to {@code records}, like fetch time. */
    private ThroughputFigure workerConsumer(String label, String group, boolean audit, double bytesPerRecord) throws Exception {
        try (JavaProcess consumer = new JavaProcess(group, JAVA_OPTIONS, "dev.cgdemo.worker.WorkerMain", List.of(
                "consume", "--bootstrap-servers", bootstrapServers, "--topic", "tput-worker-1", "--group", group,
                "--id", group + "-1", "--events", "json", "--http-port", "0", audit ? "--audit" : "--no-audit",
                "--property", "receive.buffer.bytes=" + RECEIVE_BUFFER_BYTES))) {
            // checked every 100 ms over the lines so far; parsing them on each line instead starved the broker in this JVM
            consumer.await(() -> consumedSoFar(consumer.lines()) >= records, TIMEOUT);
            long start = timestampOf(consumer.lines(), "partitions_assigned");
            long sum = 0;
            long end = 0;
            for (String line : consumer.lines()) {
                JsonNode event = parse(line);
                if (event.path("name").asText().equals("records_consumed")) {
                    sum += event.path("count").asLong();
                    if (sum >= records) {
                        end = event.path("timestamp").asLong();
                        break;
                    }
                }
            }
            return new ThroughputFigure(label, records, (end - start) / 1000.0, bytesPerRecord);
        }
    }

    /** ConsumerPerformance's own fetch time: from the end of its group join to its last record. */
    private ThroughputFigure kafkaConsumer(String group, double bytesPerRecord) throws Exception {
        try (JavaProcess consumer = new JavaProcess("consumer-performance", JAVA_OPTIONS, "org.apache.kafka.tools.ConsumerPerformance", List.of(
                "--bootstrap-server", bootstrapServers, "--topic", "tput-worker-1", "--num-records", Long.toString(records),
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

    private static List<String> lastFirst(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static long consumedSoFar(List<String> lines) {
        long sum = 0;
        for (String line : lines) {
            if (line.contains("\"records_consumed\"")) {
                Matcher count = CONSUMED_COUNT.matcher(line);
                if (count.find()) {
                    sum += Long.parseLong(count.group(1));
                }
            }
        }
        return sum;
    }

    /** The worker's own records, one value per line, for ProducerPerformance's --payload-file. */
    private Path samplePayloads(String topic, int count) throws IOException {
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
        return file;
    }

    private static double averageLineBytes(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.stream().mapToInt(line -> line.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
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

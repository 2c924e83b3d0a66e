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
     * Two rounds in opposite orders (the broker in this JVM warms up as it goes, which favours whoever runs later);
     * per client the better of its two runs.
     */
    public List<ThroughputFigure> run() throws Exception {
        for (int round = 1; round <= 2; round++) {
            admin.createTopics(List.of(new NewTopic("tput-worker-" + round, partitions, (short) 1),
                    new NewTopic("tput-kafka-" + round, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        List<ThroughputFigure> figures = new ArrayList<>();
        progress.println("[throughput] round 1: worker producer, then Kafka's, " + records + " records each");
        ThroughputFigure worker1 = workerProducer("tput-worker-1");
        Path payloads = samplePayloads("tput-worker-1", 2000);
        double bytesPerRecord = averageLineBytes(payloads);
        ThroughputFigure kafka1 = kafkaProducer("tput-kafka-1", payloads, bytesPerRecord);
        progress.println("[throughput] round 2: Kafka's producer, then the worker's");
        ThroughputFigure kafka2 = kafkaProducer("tput-kafka-2", payloads, bytesPerRecord);
        ThroughputFigure worker2 = workerProducer("tput-worker-2");
        figures.add(withSize(best(worker1, worker2), bytesPerRecord));
        figures.add(best(kafka1, kafka2));

        progress.println("[throughput] round 1: Kafka ConsumerPerformance, worker consumer (audit off, on)");
        ThroughputFigure kafkaConsumer1 = kafkaConsumer("tput-group-kafka-1", bytesPerRecord);
        ThroughputFigure plain1 = workerConsumer("worker consumer (audit off)", "tput-group-worker-1", false, bytesPerRecord);
        ThroughputFigure audited1 = workerConsumer("worker consumer (audit on)", "tput-group-audited-1", true, bytesPerRecord);
        progress.println("[throughput] round 2: worker consumer (audit on, off), Kafka ConsumerPerformance");
        ThroughputFigure audited2 = workerConsumer("worker consumer (audit on)", "tput-group-audited-2", true, bytesPerRecord);
        ThroughputFigure plain2 = workerConsumer("worker consumer (audit off)", "tput-group-worker-2", false, bytesPerRecord);
        ThroughputFigure kafkaConsumer2 = kafkaConsumer("tput-group-kafka-2", bytesPerRecord);
        figures.add(best(plain1, plain2));
        figures.add(best(audited1, audited2));
        figures.add(best(kafkaConsumer1, kafkaConsumer2));
        Files.deleteIfExists(payloads);
        return figures;
    }

    private static ThroughputFigure best(ThroughputFigure a, ThroughputFigure b) {
        return a.recordsPerSecond() >= b.recordsPerSecond() ? a : b;
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
            return new ThroughputFigure("worker producer", records, (done.path("timestamp").asLong() - start) / 1000.0, 0);
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
                    return new ThroughputFigure("Kafka ProducerPerformance", records, records / perSecond, bytesPerRecord);
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
                    return new ThroughputFigure("Kafka ConsumerPerformance", consumed, fetchMs / 1000.0, bytesPerRecord);
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

    private static ThroughputFigure withSize(ThroughputFigure figure, double bytesPerRecord) {
        return new ThroughputFigure(figure.client(), figure.records(), figure.seconds(), bytesPerRecord);
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

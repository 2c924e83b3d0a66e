package dev.cgdemo.worker.audit;

import dev.cgdemo.worker.verify.AuditLog;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code <topic>.audit} from its beginning up to its current end into the verifier's input. Read-only: it joins no
 * group, commits nothing and never creates the audit topic.
 */
public final class AuditReader {

    private static final Logger LOG = LoggerFactory.getLogger(AuditReader.class);

    private final String bootstrapServers;
    private final Map<String, String> kafkaProperties;

    public AuditReader(String bootstrapServers, Map<String, String> kafkaProperties) {
        this.bootstrapServers = bootstrapServers;
        this.kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /**
     * The audit of {@code group} on {@code topic}.
     *
     * @throws IllegalStateException when the audit topic does not exist or cannot be read to its end in {@code timeout}
     */
    public AuditLog read(String topic, String group, Duration timeout) {
        String auditTopic = AuditTopic.of(topic);
        AuditCollector collector = new AuditCollector(topic, group);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config())) {
            List<PartitionInfo> infos = consumer.partitionsFor(auditTopic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("no audit topic " + auditTopic
                        + ": were the consumers started with --audit (CGDEMO_AUDIT=true)?");
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            if (!collector.readToEnd(consumer, consumer.endOffsets(partitions), timeout)) {
                throw new IllegalStateException("could not read " + auditTopic + " to its end in " + timeout.toSeconds() + " s");
            }
        }
        if (collector.skipped() > 0) {
            LOG.warn("skipped {} records of {} that are not audit entries", collector.skipped(), auditTopic);
        }
        return collector.log();
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>(kafkaProperties);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "4194304");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // Reading must change nothing: on a broker with auto.create.topics.enable a metadata request for a missing
        // audit topic would create it (empty), and every committed offset would then read as lost.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return config;
    }
}

package dev.cgdemo.worker.audit;

import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.MemberListener;
import dev.cgdemo.worker.consume.ProcessedBatch;
import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.history.ProcessedRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what group members process to {@code <topic>.audit}: one entry per poll and partition (key: the
 * partition) and one per rebalance callback (key: the member). Hooks on {@link MemberListener}, so one publisher
 * serves every member of a process.
 *
 * <p>Entries are flushed in {@link #beforeCommit}, that is before the member commits the offsets they cover: an
 * offset can only be committed once its audit entry is stored, so a crash can cost audit entries of uncommitted
 * work (which the next owner re-processes and audits) but never makes committed work look lost. Flushing per commit
 * rather than per poll keeps the broker round trip off most polls (one per poll cost the consumer 40% of its
 * throughput, lab bench --throughput).
 */
public final class AuditPublisher implements MemberListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditPublisher.class);

    private final String topic;
    private final String group;
    private final String auditTopic;
    private final KafkaProducer<String, String> producer;
    private final AuditJson json = new AuditJson();
    private final Map<String, IntSupplier> generations = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicBoolean topicChecked = new AtomicBoolean();
    private final String bootstrapServers;
    private final Map<String, String> kafkaProperties;

    /** A producer for the audit topic; the topic is created, if missing, when the first member has started. */
    public AuditPublisher(String bootstrapServers, String topic, String group, Map<String, String> kafkaProperties) {
        this.topic = topic;
        this.group = group;
        this.auditTopic = AuditTopic.of(topic);
        this.bootstrapServers = bootstrapServers;
        this.kafkaProperties = Map.copyOf(kafkaProperties);
        Map<String, Object> config = new HashMap<>(kafkaProperties);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "audit-" + group);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Entries of several members in one process share a request; the flush before each commit bounds the wait.
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Never hold a member's poll loop for long if the audit topic is unreachable; it then goes without audit.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        this.producer = new KafkaProducer<>(config);
    }

    /** Lets assignment entries carry {@code member}'s generation (or epoch); without it they say -1. */
    public AuditPublisher attach(GroupMember member) {
        generations.put(member.consumerId(), member::generation);
        return this;
    }

    /** Entries the broker acknowledged. */
    public long published() {
        return published.get();
    }

    /** The member reached the broker (it saw its topic): make sure the audit topic exists, once per publisher. */
    @Override
    public void onStarted(String consumerId) {
        if (topicChecked.compareAndSet(false, true)) {
            AuditTopic.ensure(bootstrapServers, topic, kafkaProperties);
        }
    }

    @Override
    public void onProcessed(String consumerId, ProcessedBatch batch) {
        for (ProcessedRange range : BatchRanges.of(topic, consumerId, batch)) {
            send(Integer.toString(range.partition()), AuditEntry.batch(topic, group, range));
        }
    }

    @Override
    public void beforeCommit(String consumerId, Map<TopicPartition, Long> offsets) {
        producer.flush();
    }

    @Override
    public void onAssigned(String consumerId, Collection<TopicPartition> added, Set<TopicPartition> owned) {
        change(consumerId, AssignmentChange.Kind.ASSIGNED, added);
    }

    @Override
    public void onRevoked(String consumerId, Collection<TopicPartition> revoked, Set<TopicPartition> owned) {
        change(consumerId, AssignmentChange.Kind.REVOKED, revoked);
    }

    @Override
    public void onLost(String consumerId, Collection<TopicPartition> lost, Set<TopicPartition> owned) {
        change(consumerId, AssignmentChange.Kind.LOST, lost);
    }

    @Override
    public void onShutdown(String consumerId) {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    private void change(String consumerId, AssignmentChange.Kind kind, Collection<TopicPartition> partitions) {
        List<Integer> ours = partitions.stream().filter(tp -> tp.topic().equals(topic))
                .map(TopicPartition::partition).sorted().toList();
        IntSupplier generation = generations.getOrDefault(consumerId, () -> -1);
        send(consumerId, AuditEntry.assignment(topic, group,
                new AssignmentChange(consumerId, generation.getAsInt(), kind, ours, Instant.now())));
    }

    private void send(String key, AuditEntry entry) {
        producer.send(new ProducerRecord<>(auditTopic, key, json.write(entry)), (metadata, error) -> {
            if (error == null) {
                published.incrementAndGet();
            } else if (failed.incrementAndGet() == 1 || failed.get() % 1000 == 0) {
                LOG.warn("audit entries not stored in {} ({} so far): {}", auditTopic, failed.get(), error.toString());
            }
        });
    }
}

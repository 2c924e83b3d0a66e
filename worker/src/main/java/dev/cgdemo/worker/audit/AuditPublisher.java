package dev.cgdemo.worker.audit;

import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.MemberListener;
import dev.cgdemo.worker.consume.ProcessedBatch;
import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.history.ProcessedRange;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes what group members process to {@code <topic>.audit}: one entry per poll and partition (key: the
 * partition) and one per rebalance callback (key: the member). Hooks on {@link MemberListener}, so one publisher
 * serves every member of a process.
 *
 * <p>Entries are flushed in {@link #beforeCommit}, that is before the member commits the offsets they cover, and the
 * commit goes ahead only if every entry sent so far is stored: a committed offset always has its audit entry, so a
 * crash or an audit outage can cost re-processing but never makes committed work look lost. An entry the broker
 * refused is kept and sent again with the next flush; while the audit topic refuses entries, new ones are kept
 * rather than sent, and commits are held back (the outage is logged when it starts and when it ends, and counted in
 * {@code /metrics}). No flush waits longer than {@link AuditTimeouts#flush()}, well within
 * {@code max.poll.interval.ms}, so members keep their partitions through an outage. Flushing per commit rather than
 * per poll keeps the broker round trip off most polls (one per poll cost the consumer 40% of its throughput, lab
 * bench --throughput). Assignment entries are flushed at once, so a rebalance is seen as it happens.
 */
public final class AuditPublisher implements MemberListener, MeterBinder, AutoCloseable {

    /** Entries of several members in one process share a request; the flush before each commit bounds the wait. */
    static final int LINGER_MS = 20;

    private final String topic;
    private final String group;
    private final String auditTopic;
    private final KafkaProducer<String, String> producer;
    private final AuditJson json = new AuditJson();
    private final Map<String, IntSupplier> generations = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong longestFlushNanos = new AtomicLong();
    private final AtomicReference<Throwable> lastError = new AtomicReference<>();
    private final AtomicBoolean topicChecked = new AtomicBoolean();
    /** Entries not stored yet that must be sent (again) before the next commit; guarded by itself. */
    private final Deque<Unstored> unstored = new ArrayDeque<>();
    /** Held while unstored entries are handed to the producer, so no flush can miss one in hand. */
    private final Object resending = new Object();
    private final AuditOutage outage;
    private final AuditTimeouts timeouts;
    private final String bootstrapServers;
    private final Map<String, String> kafkaProperties;

    private record Unstored(String key, String value) {
    }

    /**
     * A producer for the audit topic; the topic is created, if missing, when the first member has started. Its
     * timeouts come from {@code kafkaProperties}' {@code max.poll.interval.ms} ({@link AuditTimeouts}).
     */
    public AuditPublisher(String bootstrapServers, String topic, String group, Map<String, String> kafkaProperties) {
        this.topic = topic;
        this.group = group;
        this.auditTopic = AuditTopic.of(topic);
        this.outage = new AuditOutage(auditTopic);
        this.timeouts = AuditTimeouts.of(kafkaProperties);
        this.bootstrapServers = bootstrapServers;
        this.kafkaProperties = Map.copyOf(kafkaProperties);
        Map<String, Object> config = new HashMap<>(kafkaProperties);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "audit-" + group);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(LINGER_MS));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putAll(timeouts.producerSettings());
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

    /** Entries waiting to be sent again (the audit topic refused them, or refuses entries now). */
    public int unstored() {
        synchronized (unstored) {
            return unstored.size();
        }
    }

    /** Commits held back because an entry was not stored. */
    public long heldBackCommits() {
        return outage.heldBackCommits();
    }

    /** Times the audit topic started refusing entries. */
    public long outages() {
        return outage.outages();
    }

    /** The longest a flush before a commit has held a member so far. */
    public Duration longestFlush() {
        return Duration.ofNanos(longestFlushNanos.get());
    }

    public AuditTimeouts timeouts() {
        return timeouts;
    }

    /**
     * {@code cgdemo_audit_entries_stored_total}, {@code cgdemo_audit_entries_unstored},
     * {@code cgdemo_audit_commits_held_back_total}, {@code cgdemo_audit_outages_total} and
     * {@code cgdemo_audit_flush_longest_seconds}, tagged {@code topic=<audit topic>}.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("cgdemo_audit_entries_stored", published, AtomicLong::get).tag("topic", auditTopic)
                .description("audit entries the broker acknowledged").register(registry);
        Gauge.builder("cgdemo_audit_entries_unstored", this, AuditPublisher::unstored).tag("topic", auditTopic)
                .description("audit entries refused or held while the audit topic refuses them, sent again before the next commit")
                .register(registry);
        FunctionCounter.builder("cgdemo_audit_commits_held_back", outage, AuditOutage::heldBackCommits).tag("topic", auditTopic)
                .description("offset commits held back because their audit entries were not stored").register(registry);
        FunctionCounter.builder("cgdemo_audit_outages", outage, AuditOutage::outages).tag("topic", auditTopic)
                .description("times the audit topic started refusing entries").register(registry);
        Gauge.builder("cgdemo_audit_flush_longest_seconds", longestFlushNanos, n -> n.get() / 1e9).tag("topic", auditTopic)
                .description("the longest a flush before a commit has held a member").register(registry);
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
            submit(Integer.toString(range.partition()), json.write(AuditEntry.batch(topic, group, range)));
        }
    }

    /**
     * Sends again what was not stored, then waits (at most {@link AuditTimeouts#flush()}) until every entry sent is
     * stored or refused.
     *
     * @return true when no entry is left unstored, so offsets may be committed
     */
    @Override
    public boolean beforeCommit(String consumerId, Map<TopicPartition, Long> offsets) {
        long started = System.nanoTime();
        int resent = resendUnstored();
        producer.flush();   // every callback has run when it returns; refused entries are back in unstored
        longestFlushNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
        if (unstored() == 0) {
            outage.stored(resent);
            return true;
        }
        outage.heldBack(lastError.get());
        return false;
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

    /** Nothing is committed after this; the entries still unstored are tried once more. */
    @Override
    public void onShutdown(String consumerId) {
        resendUnstored();
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(timeouts.flush());
    }

    private void change(String consumerId, AssignmentChange.Kind kind, Collection<TopicPartition> partitions) {
        List<Integer> ours = partitions.stream().filter(tp -> tp.topic().equals(topic))
                .map(TopicPartition::partition).sorted().toList();
        IntSupplier generation = generations.getOrDefault(consumerId, () -> -1);
        submit(consumerId, json.write(AuditEntry.assignment(topic, group,
                new AssignmentChange(consumerId, generation.getAsInt(), kind, ours, Instant.now()))));
        // At once, not with the next commit: whoever follows the audit sees the rebalance now, and an idle topic
        // commits nothing. Bounded like every flush (the producer's timeouts fit within AuditTimeouts.flush()).
        producer.flush();
    }

    /** Sends the entry, or keeps it for the next flush while the audit topic refuses entries (a send could block). */
    private void submit(String key, String value) {
        if (outage.isOn()) {
            keep(new Unstored(key, value));
        } else {
            send(new Unstored(key, value));
        }
    }

    /** Hands the kept entries to the producer, oldest first, until one is refused at once (no metadata in time). */
    private int resendUnstored() {
        synchronized (resending) {
            List<Unstored> batch;
            synchronized (unstored) {
                batch = new ArrayList<>(unstored);
                unstored.clear();
            }
            for (int i = 0; i < batch.size(); i++) {
                if (!send(batch.get(i))) {
                    synchronized (unstored) {   // back in front, in order; the refused one the callback kept
                        for (int j = batch.size() - 1; j > i; j--) {
                            unstored.addFirst(batch.get(j));
                        }
                    }
                    return i;
                }
            }
            return batch.size();
        }
    }

    /** @return false when the producer refused the entry at once (it is kept, to be sent again) */
    private boolean send(Unstored entry) {
        Future<RecordMetadata> result;
        try {
            result = producer.send(new ProducerRecord<>(auditTopic, entry.key(), entry.value()), (metadata, error) -> {
                if (error == null) {
                    published.incrementAndGet();
                } else {
                    refused(entry, error);
                }
            });
        } catch (RuntimeException e) {   // e.g. interrupted, or the producer closed
            refused(entry, e);
            return false;
        }
        if (result.isDone()) {
            try {
                result.get();
            } catch (ExecutionException e) {
                return false;   // the callback has kept it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    private void refused(Unstored entry, Throwable error) {
        lastError.set(error);
        keep(entry);
        outage.failed(error);
    }

    private void keep(Unstored entry) {
        synchronized (unstored) {
            unstored.addLast(entry);
        }
    }
}

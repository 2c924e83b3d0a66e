package dev.cgdemo.worker.consume;

import dev.cgdemo.worker.kafka.TopicWaiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One member of a consumer group: waits for the topic, subscribes, and processes records on its own
 * thread, committing what it processed in the background (at most every 100 ms) and synchronously on
 * revoke and on shutdown, so a clean stop hands over without any record being processed twice. A commit waits for
 * {@link MemberListener#beforeCommit} and is held back when it says no (the audit could not store its entries): the
 * offsets stay pending and go with the next commit, or, on revoke and shutdown, stay uncommitted for the next owner.
 *
 * <pre>{@code
 * try (GroupMember member = new GroupMember(settings, listener)) {
 *     member.start();
 *     ...
 * } // close(): commit, leave the group, return when the consumer is closed
 * }</pre>
 *
 * Everything the member does is reported to its {@link MemberListener}, on the poll thread.
 */
public final class GroupMember implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupMember.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    /**
     * At full speed a poll takes about a millisecond; committing after every one sends the group coordinator
     * (on the same two cores as everything else here) a request per poll. Committing at most this often keeps
     * the crash re-delivery window at about this long and frees the broker for fetches.
     */
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_POLL_BACKOFF = Duration.ofSeconds(30);
    /** The error of a commit held back because a listener could not store what must precede it (the audit). */
    public static final String AUDIT_NOT_STORED = "AuditNotStored";

    private final ConsumerSettings settings;
    private final MemberListener listener;
    private final MeterRegistry meterRegistry;
    private final Map<String, Object> kafkaProperties;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Set<TopicPartition> owned = Set.of();
    private volatile boolean joined;
    private volatile int generation = -1;
    private volatile Throwable failure;

    /** When the last background commit was sent; poll thread only. */
    private long lastCommitNanos = System.nanoTime();

    /** Offsets processed but not yet committed; poll thread only. */
    private final Map<TopicPartition, Long> pending = new LinkedHashMap<>();

    public GroupMember(ConsumerSettings settings, MemberListener listener) {
        this(settings, listener, null);
    }

    /**
     * @param meterRegistry where to bind the Kafka consumer's own metrics; null for none
     * @throws InvalidSettingException (option {@code property}) when Kafka rejects the resulting client configuration
     */
    public GroupMember(ConsumerSettings settings, MemberListener listener, MeterRegistry meterRegistry) {
        this.settings = settings;
        this.listener = MemberListener.all(listener);
        this.meterRegistry = meterRegistry;
        this.kafkaProperties = ConsumerProperties.of(settings);
        try {
            new ConsumerConfig(kafkaProperties); // fail here, not on the poll thread, for a bad --property value
        } catch (ConfigException e) {
            throw new InvalidSettingException("property", e.getMessage());
        }
        this.thread = new Thread(this::run, "member-" + settings.consumerId());
    }

    /** Starts the poll loop on the member's own thread. Once only. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("member " + settings.consumerId() + " already started");
        }
        thread.start();
    }

    public ConsumerSettings settings() {
        return settings;
    }

    public String consumerId() {
        return settings.consumerId();
    }

    /** The partitions this member owns now. */
    public Set<TopicPartition> assignment() {
        return owned;
    }

    /**
     * The generation (classic protocol) or member epoch (consumer protocol) of the last rebalance this member
     * took part in; -1 before it joined. Kept current from the poll thread, so listeners read the new one.
     */
    public int generation() {
        return generation;
    }

    /** True once the member is in the group: it has a generation, or received its first (possibly empty) assignment. */
    public boolean hasJoined() {
        return joined;
    }

    /** True between {@link #start()} and the end of the poll thread. */
    public boolean isRunning() {
        return started.get() && finished.getCount() > 0;
    }

    /** Why the member stopped on its own, if it did (a fatal Kafka error such as a fenced static member). */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Waits until the poll thread has ended (after {@link #close()}, or a fatal error). */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the member to stop without waiting: it commits, leaves the group and ends its thread. */
    public void requestClose() {
        closing.countDown();
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /**
     * Clean shutdown: commits what was processed, leaves the group (a static member stays, as Kafka
     * intends), closes the consumer and returns when all that is done.
     */
    @Override
    public void close() {
        requestClose();
        if (!started.get() || Thread.currentThread() == thread) {
            return;
        }
        try {
            if (!finished.await(CLOSE_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                LOG.warn("[{}] did not finish closing in time", settings.consumerId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }

    private void run() {
        try {
            Optional<Integer> partitions = new TopicWaiter(settings.consumerId(), settings.bootstrapServers(),
                    settings.topic(), settings.kafkaProperties()).await(closing);
            if (partitions.isEmpty()) {
                return;
            }
            // instances, so a --property cannot swap in a deserializer whose type the loop does not expect
            consumer = new KafkaConsumer<>(kafkaProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            try (KafkaClientMetrics metrics = meterRegistry == null ? null : new KafkaClientMetrics(consumer)) {
                if (metrics != null) {
                    metrics.bindTo(meterRegistry);
                }
                try {
                    consumer.subscribe(List.of(settings.topic()), new Rebalances());
                    listener.onStarted(settings.consumerId());
                    pollUntilClosed();
                } finally {
                    shutdown();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("[{}] stopped: {}", settings.consumerId(), e.toString());
        } finally {
            owned = Set.of();
            listener.onShutdown(settings.consumerId());
            finished.countDown();
        }
    }

    private void pollUntilClosed() {
        Duration backoff = Duration.ofSeconds(1);
        while (!isClosing()) {
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = consumer.poll(POLL_TIMEOUT);
                backoff = Duration.ofSeconds(1);
                if (!joined && consumer.groupMetadata().generationId() > 0) {
                    // A member with no partitions may never hear onPartitionsAssigned (consumer protocol), yet it has joined.
                    joined = true;
                }
            } catch (WakeupException e) {
                continue;
            } catch (KafkaException e) {
                if (isFatal(e)) {
                    throw e;
                }
                LOG.warn("[{}] poll failed: {}; retrying in {} s", settings.consumerId(), e.getMessage(), backoff.toSeconds());
                try {
                    if (closing.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_POLL_BACKOFF) > 0 ? MAX_POLL_BACKOFF : backoff.multipliedBy(2);
                continue;
            }
            if (!records.isEmpty()) {
                process(records);
            }
            if (!pending.isEmpty() && System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL.toNanos()) {
                commitInBackground();
                lastCommitNanos = System.nanoTime();
            }
        }
    }

    /** Errors that retrying cannot fix: another member took our static id, no rights, a broker without the protocol. */
    private static boolean isFatal(KafkaException e) {
        return e instanceof FencedInstanceIdException || e instanceof AuthenticationException
                || e instanceof AuthorizationException || e instanceof UnsupportedVersionException
                || e instanceof InvalidConfigurationException || e instanceof ConfigException;
    }

    private void process(ConsumerRecords<byte[], byte[]> records) {
        Instant startedAt = Instant.now();
        PolledRecords done = new PolledRecords();
        List<PartitionBatch> summary = new ArrayList<>();
        // partition by partition, the order ConsumerRecords iterates in; nothing is made per record
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> partitionRecords = records.records(tp);
            int count = 0;
            for (ConsumerRecord<byte[], byte[]> ignored : partitionRecords) {
                if (isClosing()) {
                    break; // the rest stays uncommitted and goes to the next owner, unprocessed
                }
                if (settings.processingDelayMs() > 0) {
                    try {
                        Thread.sleep(settings.processingDelayMs());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                count++;
            }
            if (count > 0) {
                // a poll's records of a partition come in offset order: the first and last processed are at either end
                long last = partitionRecords.get(count - 1).offset();
                done.add(partitionRecords, count);
                summary.add(new PartitionBatch(tp.topic(), tp.partition(), partitionRecords.get(0).offset(), last, count));
                pending.put(tp, last + 1);
            }
            if (isClosing() || Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        if (done.isEmpty()) {
            return;
        }
        listener.onProcessed(settings.consumerId(), new ProcessedBatch(done, summary, generation, startedAt, Instant.now()));
    }

    /**
     * Commits what was just processed without waiting for the broker: a synchronous commit after every poll costs a
     * round trip to the group coordinator per poll and capped the consumer at a quarter of Kafka's own
     * ConsumerPerformance (lab bench --throughput). Offsets stay pending until the commit is acknowledged (the
     * callback runs on this thread, in a later poll), and revoke and shutdown still commit synchronously, so a
     * clean stop processes nothing twice; a crash re-delivers at most what was processed since the last commit
     * that was acknowledged (about {@link #COMMIT_INTERVAL}).
     */
    private void commitInBackground() {
        Map<TopicPartition, Long> reported = pendingOf(pending.keySet());
        if (reported.isEmpty() || !mayCommit(reported)) {
            return;
        }
        consumer.commitAsync(offsetsOf(reported), (committed, error) -> {
            if (error == null) {
                // a later poll may have moved a partition further; only what this commit covered is done
                reported.forEach(pending::remove);
                listener.onCommitted(settings.consumerId(), reported, true, null);
            } else {
                listener.onCommitted(settings.consumerId(), reported, false, commitError(error));
            }
        });
    }

    /** Commits the pending offsets of {@code partitions} synchronously; failures are reported and kept pending. */
    private void commit(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> reported = pendingOf(partitions);
        if (reported.isEmpty() || !mayCommit(reported)) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = offsetsOf(reported);
        for (int attempt = 1; ; attempt++) {
            try {
                consumer.commitSync(offsets);
                offsets.keySet().forEach(pending::remove);
                listener.onCommitted(settings.consumerId(), reported, true, null);
                return;
            } catch (WakeupException e) {
                // close() woke us up; the wake-up is spent, so committing again will not be interrupted.
                if (attempt < 2) {
                    continue;
                }
                listener.onCommitted(settings.consumerId(), reported, false, e.toString());
                return;
            } catch (RebalanceInProgressException e) {
                // Normal during a cooperative rebalance: the offsets stay pending for the next commit or the revoke.
                LOG.info("[{}] commit of {} deferred: the group is rebalancing", settings.consumerId(), reported);
                listener.onCommitted(settings.consumerId(), reported, false, commitError(e));
                return;
            } catch (KafkaException e) {
                LOG.warn("[{}] commit of {} failed: {}", settings.consumerId(), reported, e.getMessage());
                listener.onCommitted(settings.consumerId(), reported, false, commitError(e));
                return;
            }
        }
    }

    /** The pending offsets (next to read) of those of {@code partitions} that have any. */
    private Map<TopicPartition, Long> pendingOf(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            Long next = pending.get(tp);
            if (next != null) {
                offsets.put(tp, next);
            }
        }
        return offsets;
    }

    /**
     * Tells the listener the offsets are about to be committed (the audit stores its entries then). When it says no,
     * the commit is reported as failed and the offsets stay pending: a committed offset always has its audit entry.
     */
    private boolean mayCommit(Map<TopicPartition, Long> offsets) {
        if (listener.beforeCommit(settings.consumerId(), offsets)) {
            return true;
        }
        listener.onCommitted(settings.consumerId(), offsets, false, AUDIT_NOT_STORED);
        return false;
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsetsOf(Map<TopicPartition, Long> next) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        next.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
        return offsets;
    }

    /** How a failed commit is reported: a rebalance in progress is routine, and named as such. */
    private static String commitError(Exception error) {
        return error instanceof RebalanceInProgressException ? "RebalanceInProgress"
                : error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private void shutdown() {
        try {
            commit(Set.copyOf(pending.keySet()));
        } catch (RuntimeException e) {
            LOG.warn("[{}] final commit failed: {}", settings.consumerId(), e.toString());
        }
        try {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        } catch (RuntimeException e) {
            LOG.warn("[{}] close failed: {}", settings.consumerId(), e.toString());
        }
    }

    /** Runs on the poll thread, inside poll() or close(). */
    private final class Rebalances implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            generation = consumer.groupMetadata().generationId();
            if (partitions.isEmpty()) {
                return;
            }
            commit(partitions);
            partitions.forEach(pending::remove);
            Set<TopicPartition> now = new HashSet<>(owned);
            now.removeAll(partitions);
            owned = Set.copyOf(now);
            listener.onRevoked(settings.consumerId(), List.copyOf(partitions), owned);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            generation = consumer.groupMetadata().generationId();
            if (partitions.isEmpty()) {
                return;
            }
            partitions.forEach(pending::remove);
            Set<TopicPartition> now = new HashSet<>(owned);
            now.removeAll(partitions);
            owned = Set.copyOf(now);
            listener.onLost(settings.consumerId(), List.copyOf(partitions), owned);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            generation = consumer.groupMetadata().generationId();
            Set<TopicPartition> now = new HashSet<>(owned);
            now.addAll(partitions);
            owned = Set.copyOf(now);
            joined = true;
            listener.onAssigned(settings.consumerId(), List.copyOf(partitions), owned);
        }
    }
}

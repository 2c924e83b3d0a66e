package dev.cgdemo.worker.watch;

import dev.cgdemo.worker.audit.AuditEntry;
import dev.cgdemo.worker.audit.AuditJson;
import dev.cgdemo.worker.audit.AuditTopic;
import dev.cgdemo.worker.audit.RepeatedEntries;
import dev.cgdemo.worker.history.GroupHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one group on one topic and keeps its {@link GroupHistory}: on its own thread it follows
 * {@code <topic>.audit} as entries arrive (never creating it) and, every {@code interval}, describes the group and
 * reads its offsets. Offsets are applied to the history only after the audit was read to the end it had after they
 * were read, so work they commit is never counted lost for want of its entry. Without an audit topic, the history
 * is fed from the described assignments instead ({@link DescribedAssignments}).
 *
 * <p>The listener hears what changed, on the watch's thread: {@link Change#STRUCTURE} (owners, rebalances, pauses,
 * at once), {@link Change#SHAPE} (state, members or generation as described) and {@link Change#OFFSETS} (after each
 * read otherwise).
 */
public final class GroupWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupWatch.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration AUDIT_CATCH_UP = Duration.ofSeconds(5);
    private static final String CONSUMER_HEARTBEAT = "group.consumer.heartbeat.interval.ms";
    private static final Duration DEFAULT_CONSUMER_HEARTBEAT = Duration.ofSeconds(5);

    public enum Change { STRUCTURE, SHAPE, OFFSETS }

    @FunctionalInterface
    public interface Listener {
        void changed(GroupWatch watch, Change change);
    }

    /** @param lateCallbacks see {@link GroupHistory}; {@code timeout} bounds each Kafka call */
    public record Settings(Duration interval, Duration timeout, Duration lateCallbacks) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(3), Duration.ofSeconds(8), Duration.ofSeconds(3));
    }

    private final String topic;
    private final String group;
    private final String auditTopic;
    private final Settings settings;
    private final Clock clock;
    private final Listener listener;
    private final Admin admin;
    private final KafkaConsumer<String, String> consumer;
    private final GroupReader reader;
    private final GroupHistory history;
    private final AuditJson json = new AuditJson();
    private final DescribedAssignments described = new DescribedAssignments();
    private final RepeatedEntries repeats = new RepeatedEntries(RepeatedEntries.DEFAULT_CAPACITY);
    private final Thread thread;
    private volatile boolean closed;
    private List<TopicPartition> auditPartitions = List.of();
    private GroupSnapshot latest;
    private GroupSnapshot lastAvailable;
    private long reads;
    private boolean caughtUp;
    private boolean stepKnown;

    public GroupWatch(String bootstrapServers, Map<String, String> kafkaProperties, String topic, String group,
                      Settings settings, Clock clock, Listener listener) {
        this.topic = topic;
        this.group = group;
        this.auditTopic = AuditTopic.of(topic);
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        this.history = new GroupHistory(0, settings.lateCallbacks());
        this.admin = Admin.create(adminConfig(bootstrapServers, kafkaProperties, settings.timeout()));
        this.consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers, kafkaProperties, settings.timeout()),
                new StringDeserializer(), new StringDeserializer());
        this.reader = new GroupReader(admin, group, topic, settings.timeout(), clock);
        this.thread = new Thread(this::run, "group-watch-" + group);
        thread.setDaemon(true);
    }

    public GroupWatch start() {
        thread.start();
        return this;
    }

    public String topic() {
        return topic;
    }

    public String group() {
        return group;
    }

    public GroupHistory history() {
        return history;
    }

    /** Whether the history comes from the audit (else from describing the group: no delivery, no pauses). */
    public synchronized boolean auditing() {
        return !auditPartitions.isEmpty();
    }

    /** The latest read, available or not; empty before the first. */
    public synchronized Optional<GroupSnapshot> latest() {
        return Optional.ofNullable(latest);
    }

    /** The latest read that succeeded. */
    public synchronized Optional<GroupSnapshot> lastAvailable() {
        return Optional.ofNullable(lastAvailable);
    }

    /**
     * Whether the history has read everything there was when the watch began (the whole audit, or a description of
     * the group): before that it may show an older state of the group than whoever read it before.
     */
    public synchronized boolean caughtUp() {
        return caughtUp;
    }

    /** Reads of the group so far. */
    public synchronized long reads() {
        return reads;
    }

    /**
     * Waits until the history says the group is settled with exactly the members {@code expected} supplies (asked
     * again on every change, as processes come and go).
     */
    public synchronized boolean awaitSettled(Supplier<Collection<String>> expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!history.settledWith(expected.get())) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 200));
        }
        return true;
    }

    /** Waits for the next read of the group to finish. */
    public synchronized Optional<GroupSnapshot> awaitNextRead(Duration timeout) throws InterruptedException {
        long target = reads + 1;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (reads < target) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return Optional.empty();
            }
            wait(left);
        }
        return Optional.ofNullable(latest);
    }

    private void run() {
        Instant nextRead = Instant.MIN;
        while (!closed) {
            try {
                if (!clock.instant().isBefore(nextRead)) {
                    readGroup();
                    nextRead = clock.instant().plus(settings.interval());
                }
                if (auditing()) {
                    long before = history.structureVersion();
                    apply(consumer.poll(POLL));
                    if (history.structureVersion() != before) {
                        tell(Change.STRUCTURE);
                    }
                } else {
                    synchronized (this) {
                        wait(POLL.toMillis());
                    }
                }
            } catch (InterruptedException | InterruptException | WakeupException e) {
                if (!closed) {
                    LOG.warn("watch of group {} interrupted", group);
                }
                return;
            } catch (KafkaException | IllegalStateException e) {
                if (!closed) {
                    LOG.warn("watch of group {} on {}: {}", group, auditTopic, e.toString());
                    nextRead = clock.instant().plus(settings.interval());
                }
            }
        }
    }

    private void readGroup() {
        long structure = history.structureVersion();
        GroupSnapshot snapshot = reader.read();
        GroupSnapshot previous;
        synchronized (this) {
            previous = latest;
        }
        if (snapshot.available()) {
            history.partitions(snapshot.rows().size());
            if (!stepKnown && "consumer".equals(snapshot.protocol())) {
                history.assignmentStep(consumerHeartbeat());
                stepKnown = true;
            }
            if (!auditing()) {
                followAuditIfThere();
            }
            boolean read;
            if (auditing()) {
                read = catchUpWithAudit();
                if (read) {
                    history.offsets(snapshot.time(), snapshot.offsets());
                }
            } else {
                described.feed(snapshot, history);
                history.offsets(snapshot.time(), snapshot.offsets());
                read = true;
            }
            if (read && snapshot.atRest()) {
                history.described(snapshot.time(), snapshot.members().keySet());
            }
            synchronized (this) {
                caughtUp |= read;
            }
        }
        synchronized (this) {
            latest = snapshot;
            if (snapshot.available()) {
                lastAvailable = snapshot;
            }
            reads++;
            notifyAll();
        }
        if (history.structureVersion() != structure) {
            tell(Change.STRUCTURE);
        } else if (previous == null || !previous.shape().equals(snapshot.shape())) {
            tell(Change.SHAPE);
        } else {
            tell(Change.OFFSETS);
        }
    }

    /**
     * The broker's KIP-848 heartbeat ({@code group.consumer.heartbeat.interval.ms}), the step in which it hands out
     * assignments; Kafka's default when the broker's configuration cannot be read (it needs DescribeConfigs).
     */
    private Duration consumerHeartbeat() {
        long timeout = settings.timeout().toMillis();
        try {
            Node node = admin.describeCluster().nodes().get(timeout, TimeUnit.MILLISECONDS).iterator().next();
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(node.id()));
            ConfigEntry entry = admin.describeConfigs(List.of(broker)).all().get(timeout, TimeUnit.MILLISECONDS)
                    .get(broker).get(CONSUMER_HEARTBEAT);
            return Duration.ofMillis(Long.parseLong(entry.value()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.info("group {}: the broker's {} could not be read ({}); assuming Kafka's default, {} ms", group,
                    CONSUMER_HEARTBEAT, e.toString(), DEFAULT_CONSUMER_HEARTBEAT.toMillis());
            return DEFAULT_CONSUMER_HEARTBEAT;
        }
    }

    private void followAuditIfThere() {
        Set<String> topics;
        try {
            topics = admin.listTopics().names().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        if (!topics.contains(auditTopic)) {
            return;
        }
        List<TopicPartition> partitions = consumer.partitionsFor(auditTopic, settings.timeout()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            return;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        synchronized (this) {
            auditPartitions = partitions;
        }
        LOG.info("following {} for group {}", auditTopic, group);
    }

    /** Reads the audit up to the end it has now; false when that took longer than {@link #AUDIT_CATCH_UP}. */
    private boolean catchUpWithAudit() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(auditPartitions, settings.timeout());
        Instant deadline = clock.instant().plus(AUDIT_CATCH_UP);
        while (!ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
            if (clock.instant().isAfter(deadline) || closed) {
                return false;
            }
            apply(consumer.poll(POLL));
        }
        return true;
    }

    private void apply(Iterable<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> record : records) {
            AuditEntry entry;
            try {
                entry = json.read(record.value());
            } catch (IllegalArgumentException e) {
                continue;   // not an audit entry
            }
            if (!topic.equals(entry.topic()) || !group.equals(entry.group()) || !repeats.firstTime(entry)) {
                continue;   // another group's, or a re-sent copy of an entry already applied
            }
            if (entry.isBatch()) {
                history.processed(entry.toRange());
            } else {
                history.assignment(entry.toChange());
            }
        }
    }

    private void tell(Change change) {
        synchronized (this) {
            notifyAll();
        }
        try {
            listener.changed(this, change);
        } catch (RuntimeException e) {
            LOG.warn("listener of the watch of group {} failed: {}", group, e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private static Map<String, Object> adminConfig(String bootstrapServers, Map<String, String> properties, Duration timeout) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "cgdemo-watch");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        return config;
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers, Map<String, String> properties, Duration timeout) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "cgdemo-watch-audit");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }
}

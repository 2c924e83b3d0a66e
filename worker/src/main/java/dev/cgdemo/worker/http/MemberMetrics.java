package dev.cgdemo.worker.http;

import dev.cgdemo.worker.consume.MemberListener;
import dev.cgdemo.worker.consume.ProcessedBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A member's own metrics, tagged {@code consumer=<consumerId>}:
 * {@code cgdemo_records_processed_total}, {@code cgdemo_partitions_owned},
 * {@code cgdemo_rebalances_total} (assignments received: every completed rebalance the member took part in),
 * {@code cgdemo_partitions_revoked_total}, {@code cgdemo_partitions_lost_total}, {@code cgdemo_commit_failures_total}.
 */
public final class MemberMetrics implements MemberListener {
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> owned = new ConcurrentHashMap<>();
    /** Looked up once per member rather than building and registering the same meter id on every poll. */
    private final Map<String, Counter> processed = new ConcurrentHashMap<>();

    public MemberMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private Counter counter(String name, String description, String consumerId) {
        return Counter.builder(name).description(description).tag("consumer", consumerId).register(registry);
    }

    private Counter processedCounter(String consumerId) {
        return processed.computeIfAbsent(consumerId, id -> counter("cgdemo_records_processed", "records processed", id));
    }

    private AtomicInteger ownedGauge(String consumerId) {
        return owned.computeIfAbsent(consumerId, id -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("cgdemo_partitions_owned", value, AtomicInteger::get)
                    .description("partitions this member owns now").tag("consumer", id).register(registry);
            return value;
        });
    }

    @Override
    public void onStarted(String consumerId) {
        ownedGauge(consumerId);
        processedCounter(consumerId);
        counter("cgdemo_rebalances", "assignments received (completed rebalances)", consumerId);
    }

    @Override
    public void onAssigned(String consumerId, Collection<TopicPartition> added, Set<TopicPartition> now) {
        ownedGauge(consumerId).set(now.size());
        counter("cgdemo_rebalances", "assignments received (completed rebalances)", consumerId).increment();
    }

    @Override
    public void onRevoked(String consumerId, Collection<TopicPartition> revoked, Set<TopicPartition> now) {
        ownedGauge(consumerId).set(now.size());
        counter("cgdemo_partitions_revoked", "partitions revoked from this member", consumerId).increment(revoked.size());
    }

    @Override
    public void onLost(String consumerId, Collection<TopicPartition> lost, Set<TopicPartition> now) {
        ownedGauge(consumerId).set(now.size());
        counter("cgdemo_partitions_lost", "partitions lost without a commit", consumerId).increment(lost.size());
    }

    @Override
    public void onProcessed(String consumerId, ProcessedBatch batch) {
        processedCounter(consumerId).increment(batch.count());
    }

    @Override
    public void onCommitted(String consumerId, Map<TopicPartition, Long> offsets, boolean success, String error) {
        if (!success) {
            counter("cgdemo_commit_failures", "offset commits that failed (retried later)", consumerId).increment();
        }
    }

    @Override
    public void onShutdown(String consumerId) {
        ownedGauge(consumerId).set(0);
    }
}

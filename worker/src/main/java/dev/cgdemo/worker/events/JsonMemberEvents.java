package dev.cgdemo.worker.events;

import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.MemberListener;
import dev.cgdemo.worker.consume.PartitionBatch;
import dev.cgdemo.worker.consume.ProcessedBatch;
import org.apache.kafka.common.TopicPartition;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Machine-readable consumer events, one JSON object per line on stdout, in the spirit of Kafka's
 * {@code VerifiableConsumer}. Every line has {@code timestamp} (epoch ms), {@code name} and
 * {@code consumerId}. This format is a contract (the lab and tests parse it): add fields, never
 * rename or remove them.
 *
 * <pre>
 * {"timestamp":1764050000000,"name":"startup_complete","consumerId":"consumer-1","groupId":"web-events-group","topic":"web-events-partitioned","protocol":"classic","assignor":"cooperative-sticky","staticMembership":false}
 * {"timestamp":..,"name":"partitions_assigned","consumerId":"consumer-1","partitions":[{"topic":"web-events-partitioned","partition":0}],"owned":[{"topic":"web-events-partitioned","partition":0}]}
 * {"timestamp":..,"name":"records_consumed","consumerId":"consumer-1","count":3,"partitions":[{"topic":"web-events-partitioned","partition":0,"count":3,"minOffset":17,"maxOffset":19}]}
 * {"timestamp":..,"name":"offsets_committed","consumerId":"consumer-1","offsets":[{"topic":"web-events-partitioned","partition":0,"offset":20}],"success":true}
 * {"timestamp":..,"name":"offsets_committed","consumerId":"consumer-1","offsets":[...],"success":false,"error":"RebalanceInProgress"}
 * {"timestamp":..,"name":"partitions_revoked","consumerId":"consumer-1","partitions":[...],"owned":[...]}
 * {"timestamp":..,"name":"partitions_lost","consumerId":"consumer-1","partitions":[...],"owned":[...]}
 * {"timestamp":..,"name":"shutdown_complete","consumerId":"consumer-1"}
 * </pre>
 *
 * <ul>
 *   <li>{@code records_consumed} is written after the records are processed and before their offsets
 *       are committed; offsets within one partition entry are contiguous except where the log has gaps.</li>
 *   <li>{@code offsets_committed} offsets are the next offset to read (last processed + 1). A failed
 *       commit is retried later (or on revoke/shutdown) while the member owns the partition.</li>
 *   <li>{@code partitions_assigned} lists what was added ({@code partitions}, possibly empty after a
 *       rebalance that changed nothing for this member) and everything owned now ({@code owned}).</li>
 *   <li>{@code startup_complete} means subscribed, not yet joined; the first {@code partitions_assigned} means joined.</li>
 * </ul>
 */
public final class JsonMemberEvents implements MemberListener {
    private static final Comparator<PartitionBatch> BY_PARTITION =
            Comparator.comparing(PartitionBatch::topic).thenComparingInt(PartitionBatch::partition);
    private final JsonLines lines;
    private final ConsumerSettings settings;

    public JsonMemberEvents(PrintStream out, ConsumerSettings settings) {
        this(out, settings, Clock.systemUTC());
    }

    JsonMemberEvents(PrintStream out, ConsumerSettings settings, Clock clock) {
        this.lines = new JsonLines(out, clock);
        this.settings = settings;
    }

    private Map<String, Object> event(String name, String consumerId) {
        Map<String, Object> event = lines.event(name);
        event.put("consumerId", consumerId);
        return event;
    }

    @Override
    public void onStarted(String consumerId) {
        Map<String, Object> event = event("startup_complete", consumerId);
        event.put("groupId", settings.groupId());
        event.put("topic", settings.topic());
        event.put("protocol", settings.protocol().kafkaName());
        event.put("assignor", settings.effectiveAssignor());
        event.put("staticMembership", settings.staticMembership());
        lines.write(event);
    }

    @Override
    public void onAssigned(String consumerId, Collection<TopicPartition> added, Set<TopicPartition> owned) {
        writePartitions("partitions_assigned", consumerId, added, owned);
    }

    @Override
    public void onRevoked(String consumerId, Collection<TopicPartition> revoked, Set<TopicPartition> owned) {
        writePartitions("partitions_revoked", consumerId, revoked, owned);
    }

    @Override
    public void onLost(String consumerId, Collection<TopicPartition> lost, Set<TopicPartition> owned) {
        writePartitions("partitions_lost", consumerId, lost, owned);
    }

    private void writePartitions(String name, String consumerId, Collection<TopicPartition> changed, Set<TopicPartition> owned) {
        Map<String, Object> event = event(name, consumerId);
        event.put("partitions", partitionList(changed));
        event.put("owned", partitionList(owned));
        lines.write(event);
    }

    private static List<Map<String, Object>> partitionList(Collection<TopicPartition> partitions) {
        return Partitions.sorted(partitions).stream().map(tp -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("topic", tp.topic());
            p.put("partition", tp.partition());
            return p;
        }).toList();
    }

    @Override
    public void onProcessed(String consumerId, ProcessedBatch batch) {
        lines.write("records_consumed", json -> {
            json.writeStringField("consumerId", consumerId);
            json.writeNumberField("count", batch.count());
            json.writeArrayFieldStart("partitions");
            for (PartitionBatch b : batch.partitions().stream().sorted(BY_PARTITION).toList()) {
                json.writeStartObject();
                json.writeStringField("topic", b.topic());
                json.writeNumberField("partition", b.partition());
                json.writeNumberField("count", b.count());
                json.writeNumberField("minOffset", b.minOffset());
                json.writeNumberField("maxOffset", b.maxOffset());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    @Override
    public void onCommitted(String consumerId, Map<TopicPartition, Long> offsets, boolean success, String error) {
        Map<String, Object> event = event("offsets_committed", consumerId);
        event.put("offsets", Partitions.sorted(offsets.keySet()).stream().map(tp -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("topic", tp.topic());
            o.put("partition", tp.partition());
            o.put("offset", offsets.get(tp));
            return o;
        }).toList());
        event.put("success", success);
        if (error != null) {
            event.put("error", error);
        }
        lines.write(event);
    }

    @Override
    public void onShutdown(String consumerId) {
        lines.write(event("shutdown_complete", consumerId));
    }
}

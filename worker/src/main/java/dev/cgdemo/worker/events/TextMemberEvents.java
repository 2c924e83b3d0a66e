package dev.cgdemo.worker.events;

import dev.cgdemo.worker.consume.MemberListener;
import dev.cgdemo.worker.consume.ProcessedBatch;
import dev.cgdemo.worker.consume.ProcessedRecord;
import org.apache.kafka.common.TopicPartition;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Human lines on stdout: one per record ({@code [consumer-2] p1 @17 user-7 page_view /products/3})
 * unless records are switched off, and one per assignment change
 * ({@code [consumer-2] assigned p1 -> owns p0, p1}).
 */
public final class TextMemberEvents implements MemberListener {
    private final PrintStream out;
    private final Ansi colour;
    private final boolean logRecords;
    private final Set<String> joined = ConcurrentHashMap.newKeySet();

    public TextMemberEvents(PrintStream out, Ansi colour, boolean logRecords) {
        this.out = out;
        this.colour = colour;
        this.logRecords = logRecords;
    }

    private void line(String consumerId, String text) {
        out.println(colour.paint("[" + consumerId + "] " + text));
    }

    @Override
    public void onStarted(String consumerId) {
        line(consumerId, "subscribed, joining the group");
    }

    @Override
    public void onAssigned(String consumerId, Collection<TopicPartition> added, Set<TopicPartition> owned) {
        boolean firstAssignment = joined.add(consumerId);
        if (added.isEmpty()) {
            if (firstAssignment) {
                line(consumerId, "joined the group, no partitions for it (more members than partitions?)");
            }
        } else {
            line(consumerId, "assigned " + Partitions.shortList(added) + " -> owns " + Partitions.shortList(owned));
        }
    }

    @Override
    public void onRevoked(String consumerId, Collection<TopicPartition> revoked, Set<TopicPartition> owned) {
        line(consumerId, "revoked " + Partitions.shortList(revoked) + " (committed) -> owns " + Partitions.shortList(owned));
    }

    @Override
    public void onLost(String consumerId, Collection<TopicPartition> lost, Set<TopicPartition> owned) {
        line(consumerId, "LOST " + Partitions.shortList(lost) + " (could not commit) -> owns " + Partitions.shortList(owned));
    }

    @Override
    public void onProcessed(String consumerId, ProcessedBatch batch) {
        if (!logRecords) {
            return;
        }
        for (ProcessedRecord record : batch.records()) {
            String what = record.event()
                    .map(e -> e.userId() + " " + e.eventType() + " " + e.page())
                    .orElse("key=" + record.key() + " (not a web event)");
            line(consumerId, "p" + record.partition() + " @" + record.offset() + " " + what);
        }
    }

    @Override
    public void onShutdown(String consumerId) {
        line(consumerId, "stopped");
    }
}

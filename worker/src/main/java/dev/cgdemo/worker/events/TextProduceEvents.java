package dev.cgdemo.worker.events;

import dev.cgdemo.worker.consume.PartitionBatch;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducedRecord;
import dev.cgdemo.worker.produce.WebEvent;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Human lines for the producer: where each record went ({@code [producer-1] #42 user-7 page_view /products/3 -> p1 @17})
 * when slow, or once per second a summary ({@code [producer-1] 500 records in 1 s: p0 @100..267 (168), ...}) when fast.
 */
public final class TextProduceEvents implements ProduceListener, AutoCloseable {
    /** Above this rate per-record lines would scroll faster than anyone can read. */
    public static final double PER_RECORD_MAX_RATE = 10;

    private final PrintStream out;
    private final boolean perRecord;
    private final ProducedWindow window = new ProducedWindow();
    private final PeriodicReport report;
    private volatile String producerId = "producer";

    public TextProduceEvents(PrintStream out, boolean perRecord) {
        this.out = out;
        this.perRecord = perRecord;
        this.report = perRecord ? null : new PeriodicReport("produce-report", Duration.ofSeconds(1), this::summarise);
    }

    @Override
    public void onStarted(String producerId, int partitions) {
        this.producerId = producerId;
        out.println("[" + producerId + "] topic has " + partitions + " partitions, producing");
    }

    @Override
    public void onAcknowledged(ProducedRecord record) {
        if (perRecord) {
            WebEvent e = record.event();
            out.println("[" + e.producerId() + "] #" + e.seq() + " " + e.userId() + " " + e.eventType() + " " + e.page()
                    + " -> p" + record.partition() + " @" + record.offset());
        } else {
            window.add(record);
        }
    }

    @Override
    public void onFailed(WebEvent event, Exception error) {
        out.println("[" + event.producerId() + "] #" + event.seq() + " FAILED: " + error.getMessage());
    }

    private synchronized void summarise() {
        List<PartitionBatch> batches = window.drain();
        if (batches.isEmpty()) {
            return;
        }
        int total = batches.stream().mapToInt(PartitionBatch::count).sum();
        out.println("[" + producerId + "] " + total + " records in 1 s: " + batches.stream()
                .map(b -> "p" + b.partition() + " @" + b.minOffset() + ".." + b.maxOffset() + " (" + b.count() + ")")
                .collect(Collectors.joining(", ")));
    }

    @Override
    public void onFinished(String producerId, long sent, long acknowledged, long failed) {
        summarise();
        out.println("[" + producerId + "] stopped: " + sent + " sent, " + acknowledged + " acknowledged, " + failed + " failed");
    }

    @Override
    public void close() {
        if (report != null) {
            report.close();
        }
    }
}

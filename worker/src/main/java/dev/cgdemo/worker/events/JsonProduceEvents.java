package dev.cgdemo.worker.events;

import dev.cgdemo.worker.consume.PartitionBatch;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducedRecord;
import dev.cgdemo.worker.produce.ProducerSettings;
import dev.cgdemo.worker.produce.WebEvent;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Machine-readable producer events, one JSON object per line on stdout. Contract (the lab parses it):
 * add fields, never rename or remove them.
 *
 * <pre>
 * {"timestamp":..,"name":"startup_complete","producerId":"producer-1","topic":"web-events-partitioned","partitions":3,"rate":5.0,"keys":20}
 * {"timestamp":..,"name":"records_produced","producerId":"producer-1","count":5,"partitions":[{"topic":"web-events-partitioned","partition":0,"count":2,"minOffset":10,"maxOffset":11}]}
 * {"timestamp":..,"name":"produce_failed","producerId":"producer-1","seq":42,"error":"..."}
 * {"timestamp":..,"name":"shutdown_complete","producerId":"producer-1","sent":100,"acknowledged":100,"failed":0}
 * </pre>
 *
 * {@code records_produced} comes once per second while records are acknowledged (acks=all) and once
 * more before {@code shutdown_complete}; together they cover every acknowledged record exactly once,
 * so the union of their offset ranges is what a group must consume.
 */
public final class JsonProduceEvents implements ProduceListener, AutoCloseable {
    private final JsonLines lines;
    private final ProducerSettings settings;
    private final ProducedWindow window = new ProducedWindow();
    private final PeriodicReport report;

    public JsonProduceEvents(PrintStream out, ProducerSettings settings) {
        this.lines = new JsonLines(out, Clock.systemUTC());
        this.settings = settings;
        this.report = new PeriodicReport("produce-report", Duration.ofSeconds(1), this::summarise);
    }

    private Map<String, Object> event(String name) {
        Map<String, Object> event = lines.event(name);
        event.put("producerId", settings.producerId());
        return event;
    }

    @Override
    public void onStarted(String producerId, int partitions) {
        Map<String, Object> event = event("startup_complete");
        event.put("topic", settings.topic());
        event.put("partitions", partitions);
        event.put("rate", settings.ratePerSecond());
        event.put("keys", settings.keys());
        lines.write(event);
    }

    @Override
    public void onAcknowledged(ProducedRecord record) {
        window.add(record);
    }

    @Override
    public void onFailed(WebEvent failed, Exception error) {
        Map<String, Object> event = event("produce_failed");
        event.put("seq", failed.seq());
        event.put("error", String.valueOf(error.getMessage()));
        lines.write(event);
    }

    private synchronized void summarise() {
        List<PartitionBatch> batches = window.drain();
        if (batches.isEmpty()) {
            return;
        }
        Map<String, Object> event = event("records_produced");
        event.put("count", batches.stream().mapToInt(PartitionBatch::count).sum());
        event.put("partitions", batches.stream().map(b -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("topic", b.topic());
            p.put("partition", b.partition());
            p.put("count", b.count());
            p.put("minOffset", b.minOffset());
            p.put("maxOffset", b.maxOffset());
            return p;
        }).toList());
        lines.write(event);
    }

    @Override
    public void onFinished(String producerId, long sent, long acknowledged, long failed) {
        summarise();
        Map<String, Object> event = event("shutdown_complete");
        event.put("sent", sent);
        event.put("acknowledged", acknowledged);
        event.put("failed", failed);
        lines.write(event);
    }

    @Override
    public void close() {
        report.close();
    }
}

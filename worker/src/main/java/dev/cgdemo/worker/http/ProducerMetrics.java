package dev.cgdemo.worker.http;

import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducedRecord;
import dev.cgdemo.worker.produce.WebEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code cgdemo_records_produced_total} and {@code cgdemo_produce_failures_total}, tagged {@code producer=<producerId>}. */
public final class ProducerMetrics implements ProduceListener {
    private final Counter produced;
    private final Counter failed;

    public ProducerMetrics(MeterRegistry registry, String producerId) {
        produced = Counter.builder("cgdemo_records_produced").description("records acknowledged by the broker")
                .tag("producer", producerId).register(registry);
        failed = Counter.builder("cgdemo_produce_failures").description("records that could not be sent")
                .tag("producer", producerId).register(registry);
    }

    @Override
    public void onAcknowledged(ProducedRecord record) {
        produced.increment();
    }

    @Override
    public void onFailed(WebEvent event, Exception error) {
        failed.increment();
    }
}

package dev.cgdemo.worker.cli;

import dev.cgdemo.worker.consume.InvalidSettingException;
import dev.cgdemo.worker.events.JsonProduceEvents;
import dev.cgdemo.worker.events.TextProduceEvents;
import dev.cgdemo.worker.http.ProducerMetrics;
import dev.cgdemo.worker.http.WorkerHttpServer;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducedRecord;
import dev.cgdemo.worker.produce.ProducerSettings;
import dev.cgdemo.worker.produce.WebEvent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "produce", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
                "Send the article's web events, keyed by user id, so each user's events always land in the same partition.",
                "",
                "Value: {\"userId\":\"user-7\",\"eventType\":\"page_view\",\"page\":\"/products/3\",\"timestamp\":\"...\","
                        + "\"producerId\":\"...\",\"seq\":42}. acks=all and idempotence are on; seq counts from 0 per producer, "
                        + "so consumers can prove nothing was lost or processed twice.",
                "Text output shows where each record went (partition @ offset) up to 10 records/s, and a summary "
                        + "once per second above that.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  cgdemo-worker produce                       # 5 records/s over user-1..user-20 until Ctrl+C",
                "  cgdemo-worker produce --rate 1000 --count 100000 --events json"})
public final class ProduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    CommonOptions common;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "${env:CGDEMO_RATE:-5}",
            description = "Records per second, > 0 (fractions allowed, e.g. 0.5) (env CGDEMO_RATE; default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--keys", paramLabel = "N", defaultValue = "${env:CGDEMO_KEYS:-20}",
            description = "Distinct user ids, user-1..user-N, used as record keys (env CGDEMO_KEYS; default: ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--count", paramLabel = "N", defaultValue = "${env:CGDEMO_COUNT}",
            description = "Stop after N records (env CGDEMO_COUNT; default: run until stopped).")
    Long count;

    @Option(names = "--producer-id", paramLabel = "ID", defaultValue = "${env:CGDEMO_PRODUCER_ID}",
            description = "Written into every event and used as client.id (env CGDEMO_PRODUCER_ID; default: the host name).")
    String producerId;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        common.validate();
        ProducerSettings settings;
        try {
            settings = new ProducerSettings(common.bootstrapServers, common.topic,
                    producerId == null || producerId.isBlank() ? Hostname.get() : producerId, rate, keys,
                    count == null ? OptionalLong.empty() : OptionalLong.of(count), common.kafkaProperties());
        } catch (InvalidSettingException e) {
            throw BadOption.of(spec, e);
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicBoolean started = new AtomicBoolean();
        ProduceListener printer = output.format == OutputOptions.Format.JSON
                ? new JsonProduceEvents(System.out, settings)
                : new TextProduceEvents(System.out, output.logRecords && rate <= TextProduceEvents.PER_RECORD_MAX_RATE);
        ProduceListener all = new Fanout(printer, new ProducerMetrics(registry, settings.producerId()), started);
        EventProducer producer;
        try {
            producer = new EventProducer(settings, all, registry);
        } catch (InvalidSettingException e) {
            throw BadOption.of(spec, e);
        }
        Optional<WorkerHttpServer> http = common.startHttp(registry, started::get);
        try {
            StopSignals.onStop(producer::requestClose, producer::close);
            producer.start();
            while (!producer.awaitCompletion(Duration.ofSeconds(1))) {
                // until count is reached or a signal stops it
            }
        } finally {
            http.ifPresent(WorkerHttpServer::close);
            if (printer instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        return producer.failed() == 0 ? 0 : 1;
    }

    /** Sends each producer event to the printer and the metrics, and remembers when the producer started. */
    private record Fanout(ProduceListener printer, ProduceListener metrics, AtomicBoolean started) implements ProduceListener {
        @Override
        public void onStarted(String producerId, int partitions) {
            started.set(true);
            printer.onStarted(producerId, partitions);
            metrics.onStarted(producerId, partitions);
        }

        @Override
        public void onAcknowledged(ProducedRecord record) {
            printer.onAcknowledged(record);
            metrics.onAcknowledged(record);
        }

        @Override
        public void onFailed(WebEvent event, Exception error) {
            printer.onFailed(event, error);
            metrics.onFailed(event, error);
        }

        @Override
        public void onFinished(String producerId, long sent, long acknowledged, long failed) {
            printer.onFinished(producerId, sent, acknowledged, failed);
            metrics.onFinished(producerId, sent, acknowledged, failed);
        }
    }
}

package dev.cgdemo.worker.produce;

import dev.cgdemo.worker.consume.InvalidSettingException;
import dev.cgdemo.worker.kafka.TopicWaiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@link WebEvent}s keyed by user id at a steady rate, with {@code acks=all} and idempotence,
 * on its own thread; waits for the topic first (and never creates it).
 */
public final class EventProducer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventProducer.class);

    private final ProducerSettings settings;
    private final ProduceListener listener;
    private final MeterRegistry meterRegistry;
    private final WebEventJson json = new WebEventJson();
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public EventProducer(ProducerSettings settings, ProduceListener listener) {
        this(settings, listener, null);
    }

    /**
     * @param meterRegistry where to bind the Kafka producer's own metrics; null for none
     * @throws InvalidSettingException (option {@code property}) when Kafka rejects the resulting client configuration
     */
    public EventProducer(ProducerSettings settings, ProduceListener listener, MeterRegistry meterRegistry) {
        this.settings = settings;
        this.listener = listener;
        this.meterRegistry = meterRegistry;
        this.thread = new Thread(this::run, "producer-" + settings.producerId());
        try {
            new ProducerConfig(properties()); // fail here, not on the producer thread, for a bad --property value
        } catch (ConfigException e) {
            throw new InvalidSettingException("property", e.getMessage());
        }
    }

    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("producer " + settings.producerId() + " already started");
        }
        thread.start();
    }

    public ProducerSettings settings() {
        return settings;
    }

    /** Records handed to the Kafka producer. */
    public long sent() {
        return sent.get();
    }

    /** Records the broker acknowledged. */
    public long acknowledged() {
        return acknowledged.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Waits until the producer has finished: {@code count} reached and flushed, or closed. */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isDone() {
        return finished.getCount() == 0;
    }

    /** Asks the producer to stop without waiting for it. */
    public void requestClose() {
        closing.countDown();
    }

    /** Stops sending, flushes what was sent, closes the Kafka producer; returns when done. */
    @Override
    public void close() {
        requestClose();
        if (!started.get() || Thread.currentThread() == thread) {
            return;
        }
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            Optional<Integer> partitions = new TopicWaiter(settings.producerId(), settings.bootstrapServers(),
                    settings.topic(), settings.kafkaProperties()).await(closing);
            if (partitions.isEmpty()) {
                return;
            }
            // instances, so a --property cannot swap in a serializer for types the loop does not send
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties(), new StringSerializer(), new ByteArraySerializer());
                 KafkaClientMetrics metrics = meterRegistry == null ? null : new KafkaClientMetrics(producer)) {
                if (metrics != null) {
                    metrics.bindTo(meterRegistry);
                }
                listener.onStarted(settings.producerId(), partitions.get());
                sendAtRate(producer);
                producer.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("[{}] producer stopped: {}", settings.producerId(), e.toString());
        } finally {
            listener.onFinished(settings.producerId(), sent.get(), acknowledged.get(), failed.get());
            finished.countDown();
        }
    }

    private void sendAtRate(KafkaProducer<String, byte[]> producer) throws InterruptedException {
        WebEventGenerator generator = new WebEventGenerator(settings.producerId(), settings.keys(), new Random(), Clock.systemUTC());
        long intervalNanos = (long) (1_000_000_000L / settings.ratePerSecond());
        long startNanos = System.nanoTime();
        long limit = settings.count().orElse(Long.MAX_VALUE);
        for (long i = 0; i < limit; i++) {
            long waitNanos = startNanos + i * intervalNanos - System.nanoTime();
            if (waitNanos > 0 && closing.await(waitNanos, TimeUnit.NANOSECONDS)) {
                return;
            }
            if (closing.getCount() == 0) {
                return;
            }
            WebEvent event = generator.next();
            producer.send(new ProducerRecord<>(settings.topic(), event.userId(), json.writeBytes(event)), (metadata, error) -> {
                if (error == null) {
                    acknowledged.incrementAndGet();
                    listener.onAcknowledged(new ProducedRecord(event, metadata.topic(), metadata.partition(), metadata.offset()));
                } else {
                    failed.incrementAndGet();
                    listener.onFailed(event, error);
                }
            });
            sent.incrementAndGet();
        }
    }

    private Map<String, Object> properties() {
        return ProducerProperties.of(settings);
    }
}

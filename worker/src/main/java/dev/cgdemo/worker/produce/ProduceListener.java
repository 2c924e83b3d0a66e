package dev.cgdemo.worker.produce;

/**
 * What an {@link EventProducer} did. Acknowledgements arrive on the Kafka producer's I/O thread;
 * {@link #onFinished} on the producer's own thread.
 */
public interface ProduceListener {

    /** The producer found the topic and is about to send. */
    default void onStarted(String producerId, int partitions) {
    }

    /** The broker acknowledged a record. */
    default void onAcknowledged(ProducedRecord record) {
    }

    /** A record could not be sent (after the client's own retries). */
    default void onFailed(WebEvent event, Exception error) {
    }

    /** All sends are flushed (acknowledged or failed); nothing follows. */
    default void onFinished(String producerId, long sent, long acknowledged, long failed) {
    }
}

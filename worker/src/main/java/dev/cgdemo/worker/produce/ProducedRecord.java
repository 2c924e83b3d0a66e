package dev.cgdemo.worker.produce;

/** A record the broker acknowledged (acks=all): where it went. */
public record ProducedRecord(WebEvent event, String topic, int partition, long offset) {
}

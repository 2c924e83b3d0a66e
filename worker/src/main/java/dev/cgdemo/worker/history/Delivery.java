package dev.cgdemo.worker.history;

/**
 * The verifier's three answers for a whole topic: distinct offsets processed, offsets below the committed position
 * nobody processed (lost), and extra processings of offsets already processed (duplicates).
 */
public record Delivery(long processed, long lost, long duplicates) {

    public static final Delivery NONE = new Delivery(0, 0, 0);
}

package dev.cgdemo.lab.bench;

import java.time.Instant;

/** One event the bench caused: its number in the run (from 1), what it was, the consumer it concerned, when. */
public record GroupEvent(int number, EventKind kind, String member, Instant at) {
}

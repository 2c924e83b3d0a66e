package dev.cgdemo.worker.history;

import java.time.Instant;

/** A partition's lag (log end minus committed) at one moment. */
public record LagPoint(Instant at, long lag) {
}

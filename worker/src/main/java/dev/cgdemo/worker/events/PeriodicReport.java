package dev.cgdemo.worker.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a report every period on a daemon thread until closed. */
final class PeriodicReport implements AutoCloseable {
    private final ScheduledExecutorService scheduler;

    PeriodicReport(String name, Duration period, Runnable report) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(report, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

package dev.cgdemo.worker.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a clean stop. Handling the signals ourselves (instead of only a
 * shutdown hook) lets the command finish normally and exit 0, which is what Kubernetes and the lab
 * expect from a clean shutdown; a JVM stopped by a signal would otherwise exit 143.
 */
final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /**
     * On SIGTERM/SIGINT runs {@code requestStop} (which must not block: it runs on the signal thread);
     * if the JVM exits another way, a shutdown hook runs {@code requestStop} then {@code awaitStopped}.
     */
    static void onStop(Runnable requestStop, Runnable awaitStopped) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    LOG.info("SIG{} received, shutting down cleanly", name);
                    requestStop.run();
                });
            } catch (IllegalArgumentException e) {
                LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requestStop.run();
            awaitStopped.run();
        }, "shutdown"));
    }
}

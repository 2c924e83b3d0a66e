package dev.cgdemo.worker.audit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the audit topic is refusing entries now, logged once when an outage starts and once when it ends, with
 * counts for {@code /metrics}. Thread-safe: members' poll threads and the producer's I/O thread report here.
 */
final class AuditOutage {

    private static final Logger LOG = LoggerFactory.getLogger(AuditOutage.class);

    private final String auditTopic;
    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong heldBackCommits = new AtomicLong();
    private long startedNanos;
    private long heldBackAtStart;
    private boolean failing;

    AuditOutage(String auditTopic) {
        this.auditTopic = auditTopic;
    }

    /** An entry could not be stored: starts an outage unless one is on. */
    synchronized void failed(Throwable error) {
        if (!failing) {
            failing = true;
            startedNanos = System.nanoTime();
            heldBackAtStart = heldBackCommits.get();
            outages.incrementAndGet();
            LOG.warn("audit entries cannot be stored in {}: {}; commits are held back until they are (records "
                    + "processed meanwhile may be processed again after a crash or rebalance, never reported lost)",
                    auditTopic, String.valueOf(error));
        }
    }

    /** A flush before a commit ended with entries still unstored: that commit is held back. */
    void heldBack(Throwable error) {
        heldBackCommits.incrementAndGet();
        failed(error);
    }

    /** A flush stored everything: ends the outage, if one was on. */
    synchronized void stored(int resent) {
        if (failing) {
            failing = false;
            LOG.info("audit entries stored in {} again after {} ms: {} re-sent, {} commits were held back", auditTopic,
                    Duration.ofNanos(System.nanoTime() - startedNanos).toMillis(), resent,
                    heldBackCommits.get() - heldBackAtStart);
        }
    }

    synchronized boolean isOn() {
        return failing;
    }

    /** Outages so far. */
    long outages() {
        return outages.get();
    }

    /** Commits held back so far because the audit could not be stored. */
    long heldBackCommits() {
        return heldBackCommits.get();
    }
}

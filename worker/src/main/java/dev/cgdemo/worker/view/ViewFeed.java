package dev.cgdemo.worker.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cgdemo.worker.watch.GroupWatch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live frames of one group: {@link #changed()} (a {@link GroupWatch.Listener} calls it) schedules a new frame
 * {@link #DEBOUNCE} later, so a burst of audit entries is one frame; the page's streams wait for it with
 * {@link #awaitAfter}. A frame is also made every {@link #IDLE_REFRESH} when nothing changes (records/s decay).
 */
public final class ViewFeed implements GroupWatch.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ViewFeed.class);
    public static final Duration DEBOUNCE = Duration.ofMillis(100);
    static final Duration IDLE_REFRESH = Duration.ofSeconds(5);

    private final ViewSource source;
    private final ViewFrames frames;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService scheduler;
    private long seq;
    private byte[] latest;
    private Instant firstUnshownChange;
    private boolean scheduled;
    private boolean closed;

    public ViewFeed(ViewSource source, ViewFrames frames, Clock clock) {
        this.source = source;
        this.frames = frames;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "view-feed");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::changed, IDLE_REFRESH.toMillis(), IDLE_REFRESH.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void changed(GroupWatch watch, GroupWatch.Change change) {
        changed();
    }

    /** Something the page shows may have changed: a frame follows within {@link #DEBOUNCE}. */
    public synchronized void changed() {
        if (closed) {
            return;
        }
        if (firstUnshownChange == null) {
            firstUnshownChange = clock.instant();
        }
        if (!scheduled) {
            scheduled = true;
            scheduler.schedule(this::publish, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The current frame as JSON (made now if there is none yet). */
    public byte[] current() {
        synchronized (this) {
            if (latest != null) {
                return latest;
            }
        }
        publish();
        synchronized (this) {
            return latest;
        }
    }

    /** The frame after {@code seenSeq} as JSON, waiting up to {@code timeout}; null when none came or closed. */
    public synchronized Frame awaitAfter(long seenSeq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed && (latest == null || seq <= seenSeq)) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return closed ? null : new Frame(seq, latest);
    }

    public synchronized boolean closed() {
        return closed;
    }

    public record Frame(long seq, byte[] json) {
        public String text() {
            return new String(json, StandardCharsets.UTF_8);
        }
    }

    private void publish() {
        Instant changedAt;
        long next;
        synchronized (this) {
            scheduled = false;
            changedAt = firstUnshownChange == null ? clock.instant() : firstUnshownChange;
            firstUnshownChange = null;
            next = seq + 1;
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(frames.frame(source, next, clock.instant(), changedAt));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("could not make a frame of the group: {}", e.toString());
            return;
        }
        synchronized (this) {
            if (next > seq) {
                seq = next;
                latest = bytes;
                notifyAll();
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        scheduler.shutdownNow();
    }
}

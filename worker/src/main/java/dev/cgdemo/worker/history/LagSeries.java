package dev.cgdemo.worker.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One partition's lag over time, in bounded memory: for the last {@code fineWindow}, one point per {@code fineStep}
 * at the most (the largest lag read in that step, at the time of its first read), and before that the largest lag of
 * each {@code coarseStep}, for {@code coarseWindow}. Samples are two longs in primitive rings, so a partition costs
 * at most 16 bytes per kept point.
 */
final class LagSeries {

    private final long fineStepMs;
    private final long fineWindowMs;
    private final long coarseStepMs;
    private final Ring fine;
    private final Ring coarse;

    LagSeries(Duration fineStep, Duration fineWindow, Duration coarseStep, Duration coarseWindow) {
        this.fineStepMs = fineStep.toMillis();
        this.fineWindowMs = fineWindow.toMillis();
        this.coarseStepMs = coarseStep.toMillis();
        this.fine = new Ring((int) (fineWindowMs / fineStepMs) + 1);
        this.coarse = new Ring((int) (coarseWindow.toMillis() / coarseStepMs) + 1);
    }

    void add(Instant at, long lag) {
        long time = at.toEpochMilli();
        if (!fine.isEmpty() && time < fine.lastTime()) {
            return;   // out of order: an older read finished late
        }
        if (!fine.isEmpty() && time - fine.lastTime() < fineStepMs) {
            // Same step: the point keeps its time (moving it would let reads closer than a step apart slide one
            // point along forever) and the largest lag seen in the step, as coarse points do.
            fine.replaceLast(fine.lastTime(), Math.max(fine.lastValue(), lag));
        } else {
            fine.add(time, lag);
        }
        while (!fine.isEmpty() && fine.firstTime() < time - fineWindowMs) {
            long oldTime = fine.firstTime();
            long oldLag = fine.firstValue();
            fine.removeFirst();
            long bucket = oldTime - Math.floorMod(oldTime, coarseStepMs);
            if (!coarse.isEmpty() && coarse.lastTime() == bucket) {
                coarse.replaceLast(bucket, Math.max(coarse.lastValue(), oldLag));
            } else {
                coarse.add(bucket, oldLag);
            }
        }
    }

    /** Oldest first: the coarse points, then every fine one. */
    List<LagPoint> points() {
        List<LagPoint> points = new ArrayList<>(coarse.size() + fine.size());
        coarse.forEach((time, lag) -> points.add(new LagPoint(Instant.ofEpochMilli(time), lag)));
        fine.forEach((time, lag) -> points.add(new LagPoint(Instant.ofEpochMilli(time), lag)));
        return points;
    }

    int size() {
        return coarse.size() + fine.size();
    }

    /** A ring of (time, value) pairs that overwrites its oldest pair when full; grows to its capacity on demand. */
    private static final class Ring {
        private final int capacity;
        private long[] times = new long[16];
        private long[] values = new long[16];
        private int head;
        private int size;

        Ring(int capacity) {
            this.capacity = capacity;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        long firstTime() {
            return times[head];
        }

        long firstValue() {
            return values[head];
        }

        long lastTime() {
            return times[index(size - 1)];
        }

        long lastValue() {
            return values[index(size - 1)];
        }

        void replaceLast(long time, long value) {
            times[index(size - 1)] = time;
            values[index(size - 1)] = value;
        }

        void add(long time, long value) {
            if (size == times.length && times.length < capacity) {
                grow();
            }
            if (size == times.length) {
                removeFirst();
            }
            times[index(size)] = time;
            values[index(size)] = value;
            size++;
        }

        void removeFirst() {
            head = (head + 1) % times.length;
            size--;
        }

        void forEach(PointConsumer consumer) {
            for (int i = 0; i < size; i++) {
                consumer.accept(times[index(i)], values[index(i)]);
            }
        }

        private int index(int i) {
            return (head + i) % times.length;
        }

        private void grow() {
            int length = Math.min(capacity, times.length * 2);
            long[] newTimes = new long[length];
            long[] newValues = new long[length];
            for (int i = 0; i < size; i++) {
                newTimes[i] = times[index(i)];
                newValues[i] = values[index(i)];
            }
            times = newTimes;
            values = newValues;
            head = 0;
        }
    }

    @FunctionalInterface
    private interface PointConsumer {
        void accept(long time, long value);
    }
}

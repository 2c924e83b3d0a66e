package dev.cgdemo.worker.history;

/** Offsets {@code first..last}, both inclusive. */
public record OffsetRange(long first, long last) {

    public OffsetRange {
        if (last < first) {
            throw new IllegalArgumentException("empty range " + first + ".." + last);
        }
    }

    public long size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first == last ? Long.toString(first) : first + ".." + last;
    }
}

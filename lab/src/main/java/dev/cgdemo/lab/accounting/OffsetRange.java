package dev.cgdemo.lab.accounting;

/** Offsets {@code first..last}, both included. */
public record OffsetRange(long first, long last) {

    public OffsetRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a range: " + first + ".." + last);
        }
    }

    public long size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first == last ? String.valueOf(first) : first + ".." + last;
    }
}

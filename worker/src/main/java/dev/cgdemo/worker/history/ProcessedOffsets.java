package dev.cgdemo.worker.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The offsets of one partition processed so far, as disjoint pieces that remember who processed them
 * first and when, so a later batch can be told which of its offsets are repeats and of whose work.
 */
public final class ProcessedOffsets {

    /** A run of offsets first processed by {@code member}, finished at {@code processedAt}. */
    public record Piece(OffsetRange offsets, String member, Instant processedAt) {
    }

    private final TreeMap<Long, Piece> piecesByFirst = new TreeMap<>();
    private long size;

    /** The already processed pieces that overlap {@code range}, clipped to it, in offset order. */
    public List<Piece> overlaps(OffsetRange range) {
        List<Piece> result = new ArrayList<>();
        Map.Entry<Long, Piece> before = piecesByFirst.floorEntry(range.first());
        Long from = before != null && before.getValue().offsets().last() >= range.first() ? before.getKey() : range.first();
        for (Piece piece : piecesByFirst.subMap(from, true, range.last(), true).values()) {
            long first = Math.max(piece.offsets().first(), range.first());
            long last = Math.min(piece.offsets().last(), range.last());
            if (first <= last) {
                result.add(new Piece(new OffsetRange(first, last), piece.member(), piece.processedAt()));
            }
        }
        return result;
    }

    /** Records {@code range} as processed by {@code member}; offsets already known keep their first processor. */
    public void add(OffsetRange range, String member, Instant processedAt) {
        for (OffsetRange gap : gaps(range.first(), range.last() + 1)) {
            put(new Piece(gap, member, processedAt));
            size += gap.size();
        }
    }

    /**
     * Stores {@code piece}, joined to the neighbours it continues when the same member processed them, so that a
     * member working through its partition poll after poll keeps one piece instead of one per poll.
     */
    private void put(Piece piece) {
        Piece joined = piece;
        Map.Entry<Long, Piece> left = piecesByFirst.lowerEntry(piece.offsets().first());
        if (left != null && left.getValue().offsets().last() + 1 == piece.offsets().first()
                && left.getValue().member().equals(piece.member())) {
            piecesByFirst.remove(left.getKey());
            joined = new Piece(new OffsetRange(left.getValue().offsets().first(), piece.offsets().last()),
                    piece.member(), latest(left.getValue().processedAt(), piece.processedAt()));
        }
        Piece right = piecesByFirst.get(piece.offsets().last() + 1);
        if (right != null && right.member().equals(piece.member())) {
            piecesByFirst.remove(right.offsets().first());
            joined = new Piece(new OffsetRange(joined.offsets().first(), right.offsets().last()),
                    piece.member(), latest(joined.processedAt(), right.processedAt()));
        }
        piecesByFirst.put(joined.offsets().first(), joined);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Who processed offsets after {@link #forgetWhoBefore} forgot it. */
    public static final String EARLIER = "(earlier)";

    /**
     * Forgets who processed the offsets below {@code offset} that were processed before {@code before}, so their
     * pieces join into one: a long run then keeps a piece per gap rather than one per change of owner. Gaps stay
     * (they are what is lost); only a repeat of such old offsets is told less precisely whose work it repeats.
     */
    public void forgetWhoBefore(long offset, Instant before) {
        Piece run = null;
        java.util.List<Piece> joined = new ArrayList<>();
        java.util.Iterator<Piece> pieces = piecesByFirst.headMap(offset, false).values().iterator();
        while (pieces.hasNext()) {
            Piece piece = pieces.next();
            if (piece.offsets().last() >= offset || !piece.processedAt().isBefore(before)) {
                break;
            }
            pieces.remove();
            if (run != null && run.offsets().last() + 1 == piece.offsets().first()) {
                run = new Piece(new OffsetRange(run.offsets().first(), piece.offsets().last()), EARLIER,
                        latest(run.processedAt(), piece.processedAt()));
            } else {
                if (run != null) {
                    joined.add(run);
                }
                run = new Piece(piece.offsets(), EARLIER, piece.processedAt());
            }
        }
        if (run != null) {
            joined.add(run);
        }
        joined.forEach(piece -> piecesByFirst.put(piece.offsets().first(), piece));
    }

    /** Pieces kept (for memory figures). */
    public int pieceCount() {
        return piecesByFirst.size();
    }

    /** The offsets in {@code [from, toExclusive)} nobody processed, as ranges in offset order. */
    public List<OffsetRange> gaps(long from, long toExclusive) {
        List<OffsetRange> result = new ArrayList<>();
        if (toExclusive <= from) {
            return result;
        }
        long next = from;
        Map.Entry<Long, Piece> before = piecesByFirst.floorEntry(from);
        if (before != null && before.getValue().offsets().last() >= from) {
            next = before.getValue().offsets().last() + 1;
        }
        for (Piece piece : piecesByFirst.subMap(from, false, toExclusive, false).values()) {
            if (piece.offsets().first() > next) {
                result.add(new OffsetRange(next, piece.offsets().first() - 1));
            }
            next = Math.max(next, piece.offsets().last() + 1);
        }
        if (next < toExclusive) {
            result.add(new OffsetRange(next, toExclusive - 1));
        }
        return result;
    }

    /** How many distinct offsets were processed. */
    public long size() {
        return size;
    }
}

package dev.cgdemo.worker.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells an audit entry read for the first time from one read again. A publisher sends an entry again when the broker's
 * answer did not come in time, and the first copy may have been stored all the same: counted twice, one batch would
 * read as a duplicate processing. Remembers the last {@code capacity} entries, which covers any re-send (it follows
 * its first copy within one flush).
 */
public final class RepeatedEntries {

    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<AuditEntry, Boolean> recent;

    public RepeatedEntries(int capacity) {
        this.recent = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AuditEntry, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time {@code entry} is seen (among the last {@code capacity}), false when it is a repeat. */
    public boolean firstTime(AuditEntry entry) {
        return recent.put(entry, Boolean.TRUE) == null;
    }
}

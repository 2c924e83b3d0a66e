package dev.cgdemo.lab.bench;

import java.util.List;

/** The bench's markdown table and its caption. */
public final class BenchTable {

    public String render(BenchSettings settings, List<BenchRow> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d consumers, %d partitions, %.0f records/s, processing delay 0; per protocol %d "
                        + "clean stops (SIGTERM), %d crashes (SIGKILL) and %d new members (the group is kept at %d: "
                        + "leave, join, crash, join, ...), each %d s after the group settled from the one before. "
                        + "Session timeout %d ms (low on purpose, so a crash is noticed in seconds), heartbeat 500 ms. "
                        + "Pause = last record processed by the old owner -> first by the new one, over the partitions "
                        + "each kind of event stopped (moved, or revoked and given back), p50 / max in ms over all its "
                        + "events. Duplicates per kind: those the audit attributes to the kind's rebalances; total and "
                        + "lost over the whole run (start-up and shutdown included). Group stop = longest time no "
                        + "member processed anything during a rebalance.%n%n",
                settings.consumers(), settings.partitions(), settings.rate(), settings.repeat(), settings.repeat(),
                2 * settings.repeat(), settings.consumers(), settings.steady().toSeconds(),
                settings.sessionTimeout().toMillis()));
        out.append("| protocol | rebalances | clean leave pause | crash pause | join pause | "
                + "duplicates leave / crash / join | duplicates total | group stop max | processed | lost |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (BenchRow row : rows) {
            out.append(String.format("| %s | %d | %s | %s | %s | %d / %d / %d | %d | %d | %d | %d |%n", row.protocol().label(),
                    row.rebalances(), row.kind(EventKind.CLEAN_LEAVE).pauses().text(),
                    row.kind(EventKind.CRASH).pauses().text(), row.kind(EventKind.JOIN).pauses().text(),
                    row.kind(EventKind.CLEAN_LEAVE).duplicates(), row.kind(EventKind.CRASH).duplicates(),
                    row.kind(EventKind.JOIN).duplicates(), row.duplicates(), row.groupStopMaxMs(), row.processed(),
                    row.lost()));
        }
        return out.toString();
    }
}

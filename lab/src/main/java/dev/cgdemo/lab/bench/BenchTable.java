package dev.cgdemo.lab.bench;

import java.util.List;

/** The bench's markdown table and its caption. */
public final class BenchTable {

    public String render(BenchSettings settings, List<BenchRow> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d consumers, %d partitions, %.0f records/s, processing delay 0; events %s apart "
                        + "after the group settles: a clean stop (SIGTERM), a crash (SIGKILL), a new member. "
                        + "Session timeout %d ms (low on purpose, so a crash is noticed in seconds), heartbeat 500 ms. "
                        + "Pause = last record processed by the old owner -> first by the new one, over the partitions "
                        + "the event stopped (moved, or revoked and given back), p50 / max in ms. Group stop = longest "
                        + "time no member processed anything during a rebalance. Duplicates and lost over the whole run, "
                        + "from the audit.%n%n",
                settings.consumers(), settings.partitions(), settings.rate(), settings.steady().toSeconds() + " s",
                settings.sessionTimeout().toMillis()));
        out.append("| protocol | rebalances | clean leave pause | crash pause | join pause | group stop max | "
                + "processed | duplicates | lost |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (BenchRow row : rows) {
            out.append(String.format("| %s | %d | %s | %s | %s | %d | %d | %d | %d |%n", row.protocol().label(),
                    row.rebalances(), row.pauses().get(EventKind.CLEAN_LEAVE).text(), row.pauses().get(EventKind.CRASH).text(),
                    row.pauses().get(EventKind.JOIN).text(), row.groupStopMaxMs(), row.processed(), row.duplicates(), row.lost()));
        }
        return out.toString();
    }
}

package dev.cgdemo.lab.accounting;

import java.util.List;
import java.util.Map;

/**
 * What happened to every record below the log-end offsets.
 *
 * @param produced         records in the log (sum of log-end offsets)
 * @param consumed         records handed to consumers, duplicates included
 * @param lost             offsets below the end that no consumer ever got
 * @param duplicates       extra deliveries: an offset consumed k times adds k - 1
 * @param missing          per partition, the offset ranges never consumed
 * @param repeated         per partition, the offset ranges consumed more than once
 * @param irregularBatches batches whose count did not match their offset span (their whole span was counted once)
 */
public record DeliveryReport(long produced, long consumed, long lost, long duplicates,
                             Map<Integer, List<OffsetRange>> missing, Map<Integer, List<OffsetRange>> repeated,
                             long irregularBatches) {

    public DeliveryReport {
        missing = Map.copyOf(missing);
        repeated = Map.copyOf(repeated);
    }

    public boolean nothingLost() {
        return lost == 0;
    }
}

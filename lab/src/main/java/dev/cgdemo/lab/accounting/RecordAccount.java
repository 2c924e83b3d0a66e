package dev.cgdemo.lab.accounting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cgdemo.worker.history.OffsetRange;
import dev.cgdemo.worker.history.PartitionReport;

/**
 * What became of every record of the topic at the end of a lab run. {@code partitions} are the group history's
 * reports (from the consumers' audit and the offsets read after they stopped): processed, lost and duplicates
 * mean there what they mean for {@code verify} and the operator. {@code consumed} is the consumers' own count.
 *
 * @param consumed   records the consumers reported in their {@code records_consumed} lines, repeats included
 * @param partitions one report per partition of the topic
 */
public record RecordAccount(long consumed, List<PartitionReport> partitions) {

    public RecordAccount {
        partitions = List.copyOf(partitions);
    }

    /** Records in the log: from each partition's start to its end. */
    public long produced() {
        return partitions.stream().mapToLong(p -> p.end() - p.start()).sum();
    }

    /** Distinct offsets processed. */
    public long processed() {
        return partitions.stream().mapToLong(PartitionReport::processed).sum();
    }

    /** Offsets below the committed position that nobody processed. */
    public long lost() {
        return partitions.stream().mapToLong(PartitionReport::lost).sum();
    }

    /** Extra processings of offsets already processed. */
    public long duplicates() {
        return partitions.stream().mapToLong(PartitionReport::duplicates).sum();
    }

    /** Offsets nobody processed that are not lost: at or above the committed position when the consumers stopped. */
    public long unconsumed() {
        return partitions.stream()
                .mapToLong(p -> Math.max(0, Math.max(0, p.end() - p.start() - p.processed()) - p.lost()))
                .sum();
    }

    /** Partition to its lost offset ranges, for partitions that lost any. */
    public Map<Integer, List<OffsetRange>> lostRanges() {
        Map<Integer, List<OffsetRange>> ranges = new TreeMap<>();
        partitions.stream().filter(p -> !p.lostRanges().isEmpty())
                .forEach(p -> ranges.put(p.partition(), p.lostRanges()));
        return ranges;
    }

    /** Partition to the offset ranges processed more than once, for partitions that have any. */
    public Map<Integer, List<OffsetRange>> repeatedRanges() {
        Map<Integer, List<OffsetRange>> ranges = new TreeMap<>();
        partitions.stream().filter(p -> !p.duplicateRanges().isEmpty())
                .forEach(p -> ranges.put(p.partition(), p.duplicateRanges().stream().map(d -> d.offsets()).toList()));
        return ranges;
    }

    /** Every record in the log was processed: nothing lost, nothing left. */
    public boolean complete() {
        return lost() == 0 && unconsumed() == 0;
    }
}

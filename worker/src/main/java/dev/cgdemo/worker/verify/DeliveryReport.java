package dev.cgdemo.worker.verify;
import dev.cgdemo.worker.history.PartitionReport;

import dev.cgdemo.worker.history.Rebalance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The verifier's answer for one topic and group. */
public record DeliveryReport(String topic, List<PartitionReport> partitions, List<Rebalance> rebalances) {

    public DeliveryReport {
        partitions = List.copyOf(partitions);
        rebalances = List.copyOf(rebalances);
    }

    @JsonProperty
    public long processed() {
        return partitions.stream().mapToLong(PartitionReport::processed).sum();
    }

    @JsonProperty
    public long lost() {
        return partitions.stream().mapToLong(PartitionReport::lost).sum();
    }

    @JsonProperty
    public long duplicates() {
        return partitions.stream().mapToLong(PartitionReport::duplicates).sum();
    }
}

package dev.cgdemo.operator.status;

import dev.cgdemo.operator.kafka.KafkaCalls;
import dev.cgdemo.worker.history.PartitionOffsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Adds each partition's log start to the observed committed and end offsets, as the verifier wants them. */
final class LogStartOffsets {

  private final String bootstrapServers;
  private final Admin admin;

  LogStartOffsets(String bootstrapServers, Admin admin) {
    this.bootstrapServers = bootstrapServers;
    this.admin = admin;
  }

  List<PartitionOffsets> partitionOffsets(String topic, List<PartitionRow> rows) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    rows.forEach(row -> request.put(new TopicPartition(topic, row.partition()), OffsetSpec.earliest()));
    Map<TopicPartition, ListOffsetsResultInfo> starts = KafkaCalls.await(bootstrapServers, admin.listOffsets(request).all());
    return rows.stream().map(row -> {
      long start = starts.get(new TopicPartition(topic, row.partition())).offset();
      long end = Math.max(start, row.end());
      // No commit yet counts from the log start; a commit below it (retention) too.
      long committed = row.committed() == null ? start : Math.min(end, Math.max(start, row.committed()));
      return new PartitionOffsets(row.partition(), start, committed, end);
    }).toList();
  }
}

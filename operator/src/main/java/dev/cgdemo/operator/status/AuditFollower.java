package dev.cgdemo.operator.status;

import dev.cgdemo.operator.kafka.ShortTimeouts;
import dev.cgdemo.worker.audit.AuditCollector;
import dev.cgdemo.worker.audit.AuditTopic;
import dev.cgdemo.worker.verify.DeliveryVerifier;
import dev.cgdemo.worker.history.PartitionOffsets;
import dev.cgdemo.worker.verify.VerifierSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one group's audit topic: each {@link #delivery} call reads only what was appended since the last one,
 * keeps the entries of this topic and group, and runs the worker's {@link DeliveryVerifier} over everything read
 * so far. Entries older than {@link #KEPT_AS_READ} are merged where they continue one another
 * ({@link AuditCollector#compact}), so what is kept, and verified every poll, grows with rebalances rather than
 * with polls. One per resource; not shared between threads except for {@link #close}.
 */
final class AuditFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditFollower.class);
  private static final Duration READ_LIMIT = Duration.ofSeconds(5);
  /** Well past the 10 s a Rebalanced Event waits for its pause, and any clock skew between pods and the operator. */
  private static final Duration KEPT_AS_READ = Duration.ofMinutes(2);

  private final String bootstrapServers;
  private final String topic;
  private final String group;
  private final KafkaConsumer<String, String> consumer;
  private final AuditCollector collector;
  private final DeliveryVerifier verifier = new DeliveryVerifier(VerifierSettings.DEFAULT);
  private List<TopicPartition> partitions = List.of();
  private DeliverySnapshot last;

  AuditFollower(String bootstrapServers, String topic, String group) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.group = group;
    this.collector = new AuditCollector(topic, group);
    this.consumer = new KafkaConsumer<>(config(bootstrapServers), new StringDeserializer(), new StringDeserializer());
  }

  boolean follows(String bootstrapServers, String topic, String group) {
    return this.bootstrapServers.equals(bootstrapServers) && this.topic.equals(topic) && this.group.equals(group);
  }

  /**
   * Delivery up to now, given the broker's offsets read just before (entries of committed work are stored before
   * the commit, so they are in the audit read after). Empty when there is no audit topic; the previous answer when
   * the audit could not be read to its end in time (a partial audit would show false losses).
   */
  synchronized Optional<DeliverySnapshot> delivery(List<PartitionOffsets> offsets) {
    try {
      if (partitions.isEmpty() && !assign()) {
        return Optional.empty();
      }
      if (!collector.readToEnd(consumer, consumer.endOffsets(partitions, Duration.ofSeconds(5)), READ_LIMIT)) {
        return Optional.ofNullable(last);
      }
    } catch (KafkaException | IllegalStateException e) {
      // IllegalStateException: the resource was deleted (follower closed) while this poll was under way.
      LOG.warn("Reading {} failed: {}", AuditTopic.of(topic), e.toString());
      return Optional.ofNullable(last);
    }
    collector.compact(Instant.now().minus(KEPT_AS_READ));
    last = DeliverySnapshot.of(verifier.verify(topic, collector.log(), offsets));
    return Optional.of(last);
  }

  private boolean assign() {
    List<PartitionInfo> infos = consumer.partitionsFor(AuditTopic.of(topic), Duration.ofSeconds(5));
    if (infos == null || infos.isEmpty()) {
      return false;
    }
    partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return true;
  }

  @Override
  public synchronized void close() {
    consumer.close(Duration.ofSeconds(5));
  }

  private static Properties config(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "cgdemo-operator-audit");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "4194304");
    return ShortTimeouts.applyTo(props);
  }
}

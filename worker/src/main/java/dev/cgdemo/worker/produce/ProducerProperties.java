package dev.cgdemo.worker.produce;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Turns {@link ProducerSettings} into Kafka producer properties. */
public final class ProducerProperties {

    /**
     * Settings the worker owns: who the producer is, how it serializes and what makes "no message is lost" true.
     * The operator refuses them in a resource's {@code spec.producer.kafkaProperties}; the rest may be tuned.
     */
    public static final Set<String> OWNED = Set.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ProducerConfig.CLIENT_ID_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.ACKS_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG);

    private ProducerProperties() {
    }

    /** The properties the producer runs with; {@link ProducerSettings#kafkaProperties()} are applied last. */
    public static Map<String, Object> of(ProducerSettings settings) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, settings.producerId());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // Keyed records go to their key's partition, so each partition's batch fills slowly: a longer linger and
        // bigger batches let a fast producer send fewer, fuller requests (1.6-2x records/s in lab bench --throughput);
        // at demo rates a record waits at most 20 ms.
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
        // Spread keys over added partitions within seconds rather than the default five minutes.
        props.put(ProducerConfig.METADATA_MAX_AGE_CONFIG, "10000");
        props.putAll(settings.kafkaProperties());
        return props;
    }
}

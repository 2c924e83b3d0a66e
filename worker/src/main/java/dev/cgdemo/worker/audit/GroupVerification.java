package dev.cgdemo.worker.audit;

import dev.cgdemo.worker.verify.AuditLog;
import dev.cgdemo.worker.verify.DeliveryReport;
import dev.cgdemo.worker.verify.DeliveryVerifier;
import dev.cgdemo.worker.history.PartitionOffsets;
import dev.cgdemo.worker.verify.VerifierSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Verifies a live group: its audit topic and the broker's offsets, read now, through the verifier. */
public final class GroupVerification {

    private final AuditReader audit;
    private final BrokerOffsets offsets;
    private final DeliveryVerifier verifier;

    public GroupVerification(String bootstrapServers, Map<String, String> kafkaProperties, VerifierSettings settings) {
        this.audit = new AuditReader(bootstrapServers, kafkaProperties);
        this.offsets = new BrokerOffsets(bootstrapServers, kafkaProperties);
        this.verifier = new DeliveryVerifier(settings);
    }

    /**
     * Offsets are read before the audit: everything committed by then had its audit entry stored before the
     * commit, so it is in the audit read afterwards.
     */
    public DeliveryReport verify(String topic, String group) {
        List<PartitionOffsets> brokerOffsets = offsets.read(topic, group);
        AuditLog log = audit.read(topic, group, Duration.ofSeconds(60));
        return verifier.verify(topic, log, brokerOffsets);
    }
}

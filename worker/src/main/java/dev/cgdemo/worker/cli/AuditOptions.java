package dev.cgdemo.worker.cli;

import dev.cgdemo.worker.audit.AuditPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Whether members publish what they process to the audit topic that {@code cgdemo-worker verify} reads. */
public final class AuditOptions {

    @Option(names = "--audit", negatable = true, arity = "0..1", fallbackValue = "true",
            defaultValue = "${env:CGDEMO_AUDIT:-true}",
            description = "Publish one audit entry per poll and partition (offsets, member, generation, times) and one "
                    + "per rebalance callback to <topic>.audit, created if missing (on a secured cluster: Create, Describe and "
                    + "Write on it); 'verify' proves from it that nothing was lost. A commit waits until its entries are "
                    + "stored. --no-audit turns it off (env CGDEMO_AUDIT; default: ${DEFAULT-VALUE}).")
    boolean enabled;

    /**
     * A publisher for the members of {@code group} on {@code common}'s topic, its counts served with the members'
     * metrics ({@code cgdemo_audit_*} in {@code registry}), unless the audit is off.
     */
    Optional<AuditPublisher> publisher(CommonOptions common, String group, MeterRegistry registry) {
        if (!enabled) {
            return Optional.empty();
        }
        AuditPublisher publisher = new AuditPublisher(common.bootstrapServers, common.topic, group, common.kafkaProperties());
        publisher.bindTo(registry);
        return Optional.of(publisher);
    }

}

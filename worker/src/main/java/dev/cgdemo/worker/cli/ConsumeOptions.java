package dev.cgdemo.worker.cli;

import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupProtocolChoice;
import dev.cgdemo.worker.consume.InvalidSettingException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;


/** What a group member is: its group, id, protocol, assignor, membership and processing speed. */
public final class ConsumeOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--group", paramLabel = "GROUP_ID", defaultValue = "${env:CGDEMO_GROUP_ID:-web-events-group}",
            description = "Consumer group to join (group.id) (env CGDEMO_GROUP_ID; default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--id", paramLabel = "ID", defaultValue = "${env:CGDEMO_CONSUMER_ID}",
            description = "This member's client.id, shown in kafka-consumer-groups --describe; with --static also "
                    + "its group.instance.id (env CGDEMO_CONSUMER_ID; default: the host name).")
    String consumerId;

    @Option(names = "--protocol", paramLabel = "classic|consumer", defaultValue = "${env:CGDEMO_PROTOCOL:-classic}",
            converter = ProtocolConverter.class,
            description = "Rebalance protocol: 'classic' (the client-side JoinGroup/SyncGroup dance) or 'consumer' "
                    + "(KIP-848: the broker assigns, members never stop all at once) (env CGDEMO_PROTOCOL; default: ${DEFAULT-VALUE}).")
    GroupProtocolChoice protocol;

    @Option(names = "--assignor", paramLabel = "NAME", defaultValue = "${env:CGDEMO_ASSIGNOR}",
            description = "How partitions are spread. classic: range | roundrobin | sticky | cooperative-sticky "
                    + "(default cooperative-sticky: only moved partitions pause); consumer: uniform | range "
                    + "(default uniform; sent as group.remote.assignor) (env CGDEMO_ASSIGNOR).")
    String assignor;

    @Option(names = "--static", defaultValue = "${env:CGDEMO_STATIC_MEMBERSHIP:-false}",
            description = "Static membership: group.instance.id = --id, so a member restarted within its session "
                    + "timeout gets its partitions back without a rebalance (env CGDEMO_STATIC_MEMBERSHIP; default: ${DEFAULT-VALUE}).")
    boolean staticMembership;

    @Option(names = "--processing-delay-ms", paramLabel = "MS", defaultValue = "${env:CGDEMO_PROCESSING_DELAY_MS:-0}",
            description = "Pretend each record takes this long to process, to watch lag build up "
                    + "(env CGDEMO_PROCESSING_DELAY_MS; default: ${DEFAULT-VALUE}).")
    long processingDelayMs;

    /** Validated settings for one member with {@code id}; a bad combination becomes a parameter error naming the option. */
    ConsumerSettings settings(CommonOptions common, String id) {
        try {
            return new ConsumerSettings(common.bootstrapServers, common.topic, groupId, id, protocol, assignor,
                    staticMembership, processingDelayMs, common.kafkaProperties());
        } catch (InvalidSettingException e) {
            throw BadOption.of(spec, e);
        }
    }

    String idOrHostname() {
        return consumerId == null || consumerId.isBlank() ? Hostname.get() : consumerId;
    }

    static final class ProtocolConverter implements ITypeConverter<GroupProtocolChoice> {
        @Override
        public GroupProtocolChoice convert(String value) {
            try {
                return GroupProtocolChoice.parse(value);
            } catch (InvalidSettingException e) {
                throw new TypeConversionException(e.reason());
            }
        }
    }

}

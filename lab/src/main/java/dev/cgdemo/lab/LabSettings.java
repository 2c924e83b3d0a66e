package dev.cgdemo.lab;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cgdemo.lab.broker.BrokerSettings;
import dev.cgdemo.lab.script.LabCommand;
import dev.cgdemo.worker.chaos.ChaosPlan;
import dev.cgdemo.worker.consume.GroupProtocolChoice;

/**
 * Everything one lab run needs, already validated.
 *
 * @param assignor           null for the protocol's default
 * @param script             the steps to run without a terminal; empty for the interactive lab
 * @param consumerProperties Kafka consumer properties for every consumer process ({@code --property})
 * @param consumerJavaOptions JVM options for every consumer process
 * @param settleTimeout      how long to wait for the group to settle after a step, and to drain at the end
 * @param uiPort             port of the live web view on 127.0.0.1; 0 for none
 * @param chaos              {@code --chaos}: a rebalance schedule the lab runs by itself; empty for none
 */
public record LabSettings(int consumers, int partitions, double ratePerSecond, int keys, String topic, String group,
                          GroupProtocolChoice protocol, String assignor, boolean staticMembership,
                          long processingDelayMs, Optional<List<LabCommand>> script, BrokerSettings broker,
                          Map<String, String> consumerProperties, List<String> consumerJavaOptions,
                          Duration settleTimeout, boolean verbose, int uiPort, Optional<ChaosPlan> chaos) {

    /** Without chaos. */
    public LabSettings(int consumers, int partitions, double ratePerSecond, int keys, String topic, String group,
                       GroupProtocolChoice protocol, String assignor, boolean staticMembership,
                       long processingDelayMs, Optional<List<LabCommand>> script, BrokerSettings broker,
                       Map<String, String> consumerProperties, List<String> consumerJavaOptions,
                       Duration settleTimeout, boolean verbose, int uiPort) {
        this(consumers, partitions, ratePerSecond, keys, topic, group, protocol, assignor, staticMembership,
                processingDelayMs, script, broker, consumerProperties, consumerJavaOptions, settleTimeout, verbose,
                uiPort, Optional.empty());
    }

    public LabSettings {
        script = script.map(List::copyOf);
        consumerProperties = Map.copyOf(consumerProperties);
        consumerJavaOptions = List.copyOf(consumerJavaOptions);
    }
}

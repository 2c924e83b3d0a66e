package dev.cgdemo.lab.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the embedded broker listens, what it tells clients to connect to, and extra broker configuration.
 *
 * @param listen     address the client listener binds to; port 0 picks a free port
 * @param advertised host (and port; 0 = the listen port) given to clients in metadata, or null to derive it
 * @param overrides  broker properties applied last, e.g. {@code group.consumer.session.timeout.ms}
 */
public record BrokerSettings(HostPort listen, HostPort advertised, Map<String, String> overrides) {

    /**
     * Broker properties the lab starts with: single node, and group heartbeats fast enough that a
     * rebalance can be watched (KIP-848 defaults are 5 s heartbeats and 45 s sessions).
     */
    public static final Map<String, String> DEMO_DEFAULTS = demoDefaults();

    public BrokerSettings {
        Objects.requireNonNull(listen, "listen");
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    public static BrokerSettings localhost() {
        return new BrokerSettings(new HostPort("127.0.0.1", 0), null, Map.of());
    }

    /** These settings with {@code more} broker properties on top of the overrides. */
    public BrokerSettings with(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(more);
        return new BrokerSettings(listen, advertised, all);
    }

    /** The advertised address; a wildcard listen address advertises {@code localhost}. */
    public HostPort advertisedFor(int boundPort) {
        String host = advertised != null ? advertised.host()
                : isWildcard(listen.host()) ? "localhost" : listen.host();
        int port = advertised != null && advertised.port() != 0 ? advertised.port() : boundPort;
        return new HostPort(host, port);
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static Map<String, String> demoDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("offsets.topic.replication.factor", "1");
        defaults.put("offsets.topic.num.partitions", "1");
        defaults.put("transaction.state.log.replication.factor", "1");
        defaults.put("transaction.state.log.min.isr", "1");
        defaults.put("transaction.state.log.num.partitions", "1");
        defaults.put("share.coordinator.state.topic.replication.factor", "1");
        defaults.put("share.coordinator.state.topic.min.isr", "1");
        // Topics are created on purpose (lab, operator); a consumer subscribing first must not create a 1-partition one.
        defaults.put("auto.create.topics.enable", "false");
        defaults.put("group.initial.rebalance.delay.ms", "0");
        defaults.put("group.consumer.heartbeat.interval.ms", "500");
        defaults.put("group.consumer.min.heartbeat.interval.ms", "500");
        defaults.put("group.consumer.session.timeout.ms", "10000");
        defaults.put("group.consumer.min.session.timeout.ms", "6000");
        // Few threads: the lab shares a laptop with its consumer processes.
        defaults.put("num.network.threads", "2");
        defaults.put("num.io.threads", "2");
        defaults.put("background.threads", "2");
        defaults.put("num.recovery.threads.per.data.dir", "1");
        defaults.put("log.cleaner.threads", "1");
        return Map.copyOf(defaults);
    }
}

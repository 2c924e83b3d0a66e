package dev.cgdemo.lab;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.common.config.ConfigException;

import dev.cgdemo.lab.broker.BrokerSettings;
import dev.cgdemo.lab.broker.EmbeddedBroker;
import dev.cgdemo.lab.broker.HostPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cgdemo-lab broker}: only the embedded broker, until SIGTERM or Ctrl+C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {
                "Runs only the embedded single-node Kafka broker (KRaft, Kafka's own code, data in a temporary "
                        + "directory removed on exit) until SIGTERM or Ctrl+C. For clients elsewhere, e.g. pods in a "
                        + "local Kubernetes cluster: --listen 0.0.0.0:9092 --advertise 10.244.0.1:9092.",
                "Topics are not created automatically (auto.create.topics.enable=false)."})
public final class BrokerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "${env:CGDEMO_BROKER_LISTEN:-127.0.0.1:9092}",
            description = "Address the client listener binds to; port 0 picks a free one (env CGDEMO_BROKER_LISTEN, default ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--advertise", paramLabel = "HOST[:PORT]", defaultValue = "${env:CGDEMO_BROKER_ADVERTISE:-}",
            description = "Address clients are told to connect to (env CGDEMO_BROKER_ADVERTISE; default: the listen address, localhost for 0.0.0.0).")
    String advertise;

    @Option(names = "--broker-config", paramLabel = "KEY=VALUE", split = ",",
            defaultValue = "${env:CGDEMO_BROKER_CONFIG:-}",
            description = "Extra broker setting, repeatable or comma-separated, e.g. group.consumer.session.timeout.ms=6000 (env CGDEMO_BROKER_CONFIG).")
    List<String> brokerConfig;

    @Override
    public Integer call() throws Exception {
        BrokerSettings settings = parse(spec, listen, advertise, brokerConfig);
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedBroker broker = EmbeddedBroker.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            spec.commandLine().getOut().println("stopping the broker and deleting " + broker.dataDir());
            spec.commandLine().getOut().flush();
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        spec.commandLine().getOut().println("Kafka broker ready: bootstrap.servers=" + broker.bootstrapServers()
                + " (listening on " + broker.listenAddress() + ", data in " + broker.dataDir() + "); Ctrl+C or SIGTERM stops it");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** Validates the broker flags; a bad one is a usage error naming the flag. */
    public static BrokerSettings parse(CommandSpec spec, String listen, String advertise, List<String> brokerConfig) {
        HostPort listenAddress;
        HostPort advertisedAddress = null;
        try {
            listenAddress = HostPort.parse(listen, "0.0.0.0");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--listen': " + e.getMessage()
                    + " (allowed: HOST:PORT, port 0-65535, e.g. 0.0.0.0:9092)");
        }
        if (advertise != null && !advertise.isBlank()) {
            try {
                advertisedAddress = HostPort.parse(advertise, listenAddress.host());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--advertise': " + e.getMessage()
                        + " (allowed: HOST or HOST:PORT, e.g. 10.244.0.1:9092)");
            }
        }
        Map<String, String> overrides;
        try {
            overrides = OptionValues.keyValues(brokerConfig == null ? List.of() : brokerConfig);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--broker-config': " + e.getMessage()
                    + " (allowed: KEY=VALUE, e.g. group.consumer.session.timeout.ms=6000)");
        }
        BrokerSettings settings = new BrokerSettings(listenAddress, advertisedAddress, overrides);
        try {
            EmbeddedBroker.checkConfig(settings);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--broker-config': Kafka rejects it: "
                    + e.getMessage());
        }
        return settings;
    }
}

package dev.cgdemo.worker.cli;

import dev.cgdemo.worker.http.WorkerHttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Options every command takes: where Kafka is, which topic, the HTTP port, extra client properties. */
public final class CommonOptions {
    private static final Logger LOG = LoggerFactory.getLogger(CommonOptions.class);

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka brokers to connect to (env KAFKA_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "NAME", defaultValue = "${env:CGDEMO_TOPIC:-web-events-partitioned}",
            description = "Topic of web events. It must exist; the worker waits for it and never creates it "
                    + "(consumers do create its audit topic <topic>.audit, see --audit) "
                    + "(env CGDEMO_TOPIC; default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "${env:CGDEMO_HTTP_PORT:-8080}",
            description = "Port for /healthz, /readyz and /metrics (Prometheus); 0 turns HTTP off "
                    + "(env CGDEMO_HTTP_PORT; default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--property", paramLabel = "KEY=VALUE", split = ",", mapFallbackValue = "",
            defaultValue = "${env:CGDEMO_KAFKA_PROPERTIES}",
            description = "Extra Kafka client setting, repeatable, e.g. --property session.timeout.ms=10000 "
                    + "(env CGDEMO_KAFKA_PROPERTIES, comma-separated key=value pairs; the flags replace the env).")
    Map<String, String> kafkaProperties;

    Map<String, String> kafkaProperties() {
        return KafkaPropertyValues.of(kafkaProperties, spec);
    }

    void validate() {
        if (httpPort < 0 || httpPort > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--http-port': " + httpPort + " (allowed: 0 for off, or 1..65535)");
        }
        kafkaProperties();
    }

    /** Starts the HTTP endpoints unless the port is 0. */
    Optional<WorkerHttpServer> startHttp(PrometheusMeterRegistry registry, BooleanSupplier ready) throws IOException {
        if (httpPort == 0) {
            return Optional.empty();
        }
        try {
            WorkerHttpServer server = WorkerHttpServer.start(httpPort, registry, ready);
            LOG.info("HTTP on port {}: /healthz /readyz /metrics", server.port());
            return Optional.of(server);
        } catch (IOException e) {
            throw new IOException("cannot listen on HTTP port " + httpPort + " (" + e.getMessage()
                    + "); choose another with --http-port or turn HTTP off with --http-port 0", e);
        }
    }
}

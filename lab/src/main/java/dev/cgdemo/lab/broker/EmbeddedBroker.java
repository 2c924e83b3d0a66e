package dev.cgdemo.lab.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single-node KRaft Kafka (broker and controller in one) running Kafka's own server code in this JVM.
 * Its data lives in a temporary directory that {@link #close()} deletes.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final KafkaRaftServer server;
    private final HostPort bound;
    private final HostPort advertised;
    private boolean closed;

    private EmbeddedBroker(Path dataDir, KafkaRaftServer server, HostPort bound, HostPort advertised) {
        this.dataDir = dataDir;
        this.server = server;
        this.bound = bound;
        this.advertised = advertised;
    }

    /** Formats a fresh temporary data directory, starts the broker and waits until it answers clients. */
    public static EmbeddedBroker start(BrokerSettings settings) {
        Path dataDir = createTempDir();
        try {
            Ports ports = choosePorts(settings.listen());
            int clientPort = ports.client();
            int controllerPort = ports.controller();
            HostPort bound = settings.listen().withPort(clientPort);
            HostPort advertised = settings.advertisedFor(clientPort);
            KafkaConfig config = new KafkaConfig(brokerProperties(settings, dataDir, bound, advertised, controllerPort), false);
            format(config);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            EmbeddedBroker broker = new EmbeddedBroker(dataDir, server, bound, advertised);
            broker.awaitReady(new HostPort(isWildcard(bound.host()) ? "127.0.0.1" : bound.host(), clientPort));
            return broker;
        } catch (RuntimeException e) {
            deleteRecursively(dataDir);
            throw e;
        }
    }

    /**
     * Checks that Kafka accepts the settings' broker configuration, without starting anything.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the setting Kafka rejects
     */
    public static void checkConfig(BrokerSettings settings) {
        HostPort bound = settings.listen().withPort(settings.listen().port() == 0 ? 9092 : settings.listen().port());
        new KafkaConfig(brokerProperties(settings, Path.of("unused"), bound, settings.advertisedFor(bound.port()), 9093), false);
    }

    /** What clients pass as {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return advertised.toString();
    }

    /** The address the client listener is bound to. */
    public HostPort listenAddress() {
        return bound;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the partitions' logs are: one directory per partition, named {@code <topic>-<partition>}. */
    public Path logDir() {
        return logDir(dataDir);
    }

    private static Path logDir(Path dataDir) {
        return dataDir.resolve("log");
    }

    /** Stops the broker and deletes its data. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Broker did not shut down cleanly: {}", e.toString());
        } finally {
            deleteRecursively(dataDir);
        }
    }

    static Properties brokerProperties(BrokerSettings settings, Path dataDir, HostPort bound, HostPort advertised,
                                       int controllerPort) {
        Properties props = new Properties();
        props.putAll(BrokerSettings.DEMO_DEFAULTS);
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + bound + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + advertised);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir(dataDir).toString());
        props.putAll(settings.overrides());
        return props;
    }

    private static void format(KafkaConfig config) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(config.nodeId())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(config.metadataLogDir()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the broker's storage: " + e.getMessage(), e);
        }
    }

    private void awaitReady(HostPort reachable) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, reachable.toString(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        close();
                        throw new IllegalStateException("Broker did not answer within " + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
            }
        }
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private record Ports(int client, int controller) {
    }

    /**
     * The client port (the one asked for, or a free one) and a different free controller port. Every probe socket
     * stays open until both are chosen: probed one after the other, the kernel may hand out the same port twice, and
     * Kafka refuses two listeners on one port.
     */
    private static Ports choosePorts(HostPort listen) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int client = listen.port();
            if (client == 0) {
                client = bindFree(listen.host(), held);
            }
            int controller;
            do {
                controller = bindFree("127.0.0.1", held);
            } while (controller == client);
            return new Ports(client, controller);
        } finally {
            held.forEach(EmbeddedBroker::closeQuietly);
        }
    }

    private static int bindFree(String host, List<ServerSocket> held) {
        try {
            ServerSocket socket = new ServerSocket();
            held.add(socket);
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Could not close the port probe {}: {}", socket, e.toString());
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("cgdemo-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the broker's temporary directory", e);
        }
    }

    /** Deletes a directory tree, logging (not throwing) what could not be deleted. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}

package dev.cgdemo.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

/** {@code cgdemo-lab broker}, as the Kubernetes end-to-end tests run it: its own process, stopped by SIGTERM. */
class BrokerCommandTest {
    private static final Pattern READY = Pattern.compile(
            "Kafka broker ready: bootstrap.servers=(\\S+) \\(listening on (\\S+), data in (\\S+)\\)");

    @Test
    void servesTheAdvertisedAddressUntilSigtermThenDeletesItsData() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Process broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), LabMain.class.getName(),
                "broker", "--listen", "0.0.0.0:0", "--advertise", "127.0.0.1",
                "--broker-config", "group.consumer.session.timeout.ms=7000")
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (Exception e) {
                // process gone
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> lines.stream().anyMatch(l -> READY.matcher(l).find()));
            Matcher ready = lines.stream().map(READY::matcher).filter(Matcher::find).findFirst().orElseThrow();
            String bootstrap = ready.group(1);
            assertThat(ready.group(2)).startsWith("0.0.0.0:");
            assertThat(bootstrap).isEqualTo("127.0.0.1:" + ready.group(2).substring("0.0.0.0:".length()));
            Path dataDir = Path.of(ready.group(3));
            assertThat(dataDir).isDirectory();

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                List<Node> nodes = List.copyOf(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS));
                assertThat(nodes).singleElement().satisfies(node -> assertThat(node.host() + ":" + node.port()).isEqualTo(bootstrap));
                ConfigResource brokerResource = new ConfigResource(ConfigResource.Type.BROKER, nodes.get(0).idString());
                Config config = admin.describeConfigs(List.of(brokerResource)).all().get(30, TimeUnit.SECONDS).get(brokerResource);
                assertThat(config.get("group.consumer.session.timeout.ms").value()).as("--broker-config").isEqualTo("7000");
                assertThat(config.get("group.consumer.heartbeat.interval.ms").value()).as("demo default").isEqualTo("500");
                assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
            }

            broker.toHandle().destroy(); // SIGTERM
            assertThat(broker.waitFor(60, TimeUnit.SECONDS)).as(String.join("\n", lines)).isTrue();
            reader.join(5000);
            assertThat(dataDir).as("data deleted on SIGTERM").doesNotExist();
            assertThat(lines).anyMatch(l -> l.startsWith("stopping the broker and deleting " + dataDir));
        } finally {
            broker.destroyForcibly();
        }
    }
}

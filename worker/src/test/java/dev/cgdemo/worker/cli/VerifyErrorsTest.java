package dev.cgdemo.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.worker.WorkerMain;
import dev.cgdemo.worker.audit.AuditTopic;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.BrokerConfig;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code verify} on a real broker that creates topics on first use: it changes nothing, and every Kafka or
 * configuration error is exit code 3 with one line naming the problem, never 1 ("something was lost").
 */
@ExtendWith(KafkaClusterExtension.class)
class VerifyErrorsTest {

    @BrokerCluster(numBrokers = 1)
    @KRaftCluster
    @BrokerConfig(name = "auto.create.topics.enable", value = "true")
    static KafkaCluster cluster;

    private static final Duration QUIET = Duration.ofSeconds(2);

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome verify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = WorkerMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("verify", "--bootstrap-servers", cluster.getBootstrapServers()));
        all.addAll(List.of(args));
        return new Outcome(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void aGroupWithoutAuditIsAnErrorAndItsAuditTopicIsNotCreated() throws Exception {
        String topic = "unaudited";
        try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            // committed offsets with no audit: were an empty audit topic created and read, all 5 would read as lost
            admin.alterConsumerGroupOffsets("unaudited-group", Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(5)))
                    .all().get();

            Outcome outcome = verify("--topic", topic, "--group", "unaudited-group");

            assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(3);
            assertThat(outcome.err().lines()).singleElement().asString()
                    .startsWith("error: ").contains("no audit topic " + AuditTopic.of(topic));
            assertThat(outcome.out()).isEmpty();
            // a topic the broker creates on a metadata request shows up a moment later: it must stay absent
            await().during(QUIET).atMost(QUIET.plusSeconds(5))
                    .until(() -> !admin.listTopics().names().get().contains(AuditTopic.of(topic)));
        }
    }

    @Test
    void aPropertyKafkaRefusesIsExitThreeNamingTheSetting() {
        Outcome outcome = verify("--topic", "any", "--group", "any", "--property", "request.timeout.ms=soon");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(3);
        assertThat(outcome.err().lines()).singleElement().asString()
                .startsWith("error: ").contains("request.timeout.ms").contains("soon");
    }

    @Test
    void anUnknownTopicIsExitThreeNamingIt() throws Exception {
        Outcome outcome = verify("--topic", "no-such-topic", "--group", "any");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(3);
        assertThat(outcome.err().lines()).singleElement().asString().startsWith("error: ").contains("no-such-topic");
        try (Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
            await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> admin.listTopics().names().get().stream()
                    .noneMatch(name -> name.startsWith("no-such-topic")));
        }
    }

    @Test
    void anUnresolvableBrokerIsExitThreeNamingIt() {
        StringWriter err = new StringWriter();
        CommandLine cli = WorkerMain.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        int exitCode = cli.execute("verify", "--bootstrap-servers", "no-such-host.invalid:9092", "--topic", "any");

        assertThat(exitCode).as(err.toString()).isEqualTo(3);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("error: ").contains("bootstrap");
    }
}

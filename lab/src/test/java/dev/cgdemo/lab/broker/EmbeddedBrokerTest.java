package dev.cgdemo.lab.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

    @Test
    void listensOnWildcardAdvertisesTheGivenHostAndDeletesItsDataOnClose() throws Exception {
        var settings = new BrokerSettings(new HostPort("0.0.0.0", 0), new HostPort("127.0.0.1", 0),
                Map.of("group.consumer.session.timeout.ms", "7000"));
        EmbeddedBroker broker = EmbeddedBroker.start(settings);
        try (broker; Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertThat(broker.listenAddress().host()).isEqualTo("0.0.0.0");
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.listenAddress().port());

            List<Node> nodes = List.copyOf(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS));
            assertThat(nodes).singleElement().satisfies(node -> {
                assertThat(node.host()).isEqualTo("127.0.0.1");
                assertThat(node.port()).isEqualTo(broker.listenAddress().port());
            });

            admin.createTopics(List.of(new NewTopic("t", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            assertThat(admin.describeTopics(List.of("t")).allTopicNames().get(30, TimeUnit.SECONDS).get("t").partitions())
                    .hasSize(3);
            assertThat(broker.dataDir()).isDirectory();
        }
        assertThat(broker.dataDir()).doesNotExist();
    }

    @Test
    void advertisesLocalhostWhenListeningOnEveryInterfaceWithoutAnAdvertisedHost() {
        var settings = new BrokerSettings(new HostPort("0.0.0.0", 9092), null, Map.of());
        assertThat(settings.advertisedFor(9092)).isEqualTo(new HostPort("localhost", 9092));
        var explicit = new BrokerSettings(new HostPort("0.0.0.0", 9092), HostPort.parse("10.244.0.1", "x"), Map.of());
        assertThat(explicit.advertisedFor(9092)).isEqualTo(new HostPort("10.244.0.1", 9092));
    }

    @Test
    void parsesHostPortForms() {
        assertThat(HostPort.parse("0.0.0.0:9092", "127.0.0.1")).isEqualTo(new HostPort("0.0.0.0", 9092));
        assertThat(HostPort.parse(":9093", "127.0.0.1")).isEqualTo(new HostPort("127.0.0.1", 9093));
        assertThat(HostPort.parse("example", "127.0.0.1")).isEqualTo(new HostPort("example", 0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HostPort.parse("h:x", "127.0.0.1"))
                .hasMessageContaining("numeric port");
    }
}

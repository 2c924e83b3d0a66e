package dev.cgdemo.lab.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Address handling; a started broker is covered end to end by BrokerCommandTest and LabScriptTest. */
class BrokerAddressTest {

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

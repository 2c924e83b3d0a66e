package dev.cgdemo.worker.consume;

import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumerSettingsTest {
    private final ConsumerSettings base = ConsumerSettings.of("localhost:9092", "t", "g", "c-1");

    @Test
    void classicAssignorBecomesTheClientSideStrategy() {
        assertThat(ConsumerProperties.of(base)).containsEntry("partition.assignment.strategy", CooperativeStickyAssignor.class.getName())
                .containsEntry("group.protocol", "classic").containsEntry("client.id", "c-1")
                .containsEntry("enable.auto.commit", "false").containsEntry("auto.offset.reset", "earliest")
                .doesNotContainKey("group.instance.id");
        assertThat(ConsumerProperties.of(base.withAssignor("range"))).containsEntry("partition.assignment.strategy", RangeAssignor.class.getName());
    }

    @Test
    void consumerProtocolSendsItsAssignorToTheBrokerAndDropsClassicOnlySettings() {
        ConsumerSettings kip848 = base.withProtocol(GroupProtocolChoice.CONSUMER).withAssignor("range")
                .withKafkaProperties(Map.of("session.timeout.ms", "6000", "max.poll.records", "10"));
        assertThat(ConsumerProperties.of(kip848)).containsEntry("group.protocol", "consumer")
                .containsEntry("group.remote.assignor", "range").containsEntry("max.poll.records", "10")
                .doesNotContainKeys("partition.assignment.strategy", "session.timeout.ms");
        assertThat(kip848.withAssignor(null).effectiveAssignor()).isEqualTo("uniform");
    }

    @Test
    void staticMembershipUsesTheIdAsInstanceId() {
        assertThat(ConsumerProperties.of(base.withStaticMembership(true))).containsEntry("group.instance.id", "c-1");
    }

    @Test
    void anAssignorTheProtocolDoesNotTakeIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> base.withAssignor("uniform"))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.option()).isEqualTo("assignor");
                    assertThat(e.reason()).contains("range, roundrobin, sticky, cooperative-sticky");
                });
        assertThatThrownBy(() -> base.withProtocol(GroupProtocolChoice.CONSUMER).withAssignor("cooperative-sticky"))
                .hasMessageContaining("uniform, range");
    }
}

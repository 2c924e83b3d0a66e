package dev.cgdemo.worker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A flush before a commit may hold a member a tenth of max.poll.interval.ms, between 1 and 10 s. */
class AuditTimeoutsTest {

    @Test
    void theFlushTimeoutIsATenthOfTheMaxPollIntervalWithinOneToTenSeconds() {
        assertThat(AuditTimeouts.of(Map.of()).flush()).as("Kafka's default of 5 min").isEqualTo(Duration.ofSeconds(10));
        assertThat(AuditTimeouts.of(Map.of("max.poll.interval.ms", "20000")).flush()).isEqualTo(Duration.ofSeconds(2));
        assertThat(AuditTimeouts.of(Map.of("max.poll.interval.ms", "3000")).flush()).isEqualTo(Duration.ofSeconds(1));
        assertThat(AuditTimeouts.of(Map.of("max.poll.interval.ms", "later")).flush()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everySendIsStoredOrFailedWithinTheFlushTimeout() {
        assertThat(AuditTimeouts.of(Map.of("max.poll.interval.ms", "20000")).producerSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "delivery.timeout.ms", "2000", "request.timeout.ms", "980", "max.block.ms", "1000"));
    }
}

package dev.cgdemo.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cgdemo.lab.script.LabCommand;

class LabPageActionsTest {
    private final List<LabCommand> sent = new ArrayList<>();
    private final LabPageActions actions = new LabPageActions(sent::add, () -> List.of("consumer-1", "consumer-3"));

    @Test
    void buttonsBecomeTheCommandsTypedOnesWouldBe() {
        assertThat(actions.perform("stop", Map.of("member", "consumer-3"))).isEqualTo("'kill 3' sent");
        actions.perform("crash", Map.of("member", "consumer-1"));
        actions.perform("add", Map.of());
        assertThat(sent).containsExactly(new LabCommand.Kill(3), new LabCommand.Crash(1), new LabCommand.Add());
    }

    @Test
    void onlyARunningConsumerOfThisLabCanBeStoppedAndNothingElseIsSent() {
        assertThatThrownBy(() -> actions.perform("stop", Map.of("member", "consumer-2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[consumer-1, consumer-3]");
        assertThatThrownBy(() -> actions.perform("crash", Map.of("member", "consumer-01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> actions.perform("stop", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> actions.perform("quit", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stop, crash, add");
        assertThat(sent).isEmpty();
    }
}

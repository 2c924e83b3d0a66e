package dev.cgdemo.lab.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cgdemo.worker.chaos.ChaosAction;
import dev.cgdemo.worker.chaos.ChaosEffect;
import dev.cgdemo.worker.chaos.ChaosPlan;

class LabChaosOptionTest {

    @Test
    void theIssuesExampleIsEveryTwentySecondsKillCrashAddUpToTheStartingConsumers() {
        ChaosPlan plan = LabChaosOption.parse("every=20s,actions=kill,crash,add", 3);
        assertThat(plan).isEqualTo(new ChaosPlan(Duration.ofSeconds(20), List.of(
                new ChaosAction("kill", ChaosEffect.REMOVE_ONE),
                new ChaosAction("crash", ChaosEffect.REMOVE_ONE),
                new ChaosAction("add", ChaosEffect.ADD_ONE)), false, 1, 3));
    }

    @Test
    void keysInAnyOrderWithMaxAndMilliseconds() {
        ChaosPlan plan = LabChaosOption.parse("actions=crash, every=500ms, max=5", 2);
        assertThat(plan.every()).isEqualTo(Duration.ofMillis(500));
        assertThat(plan.actions()).extracting(ChaosAction::name).containsExactly("crash");
        assertThat(plan.maxReplicas()).isEqualTo(5);
    }

    @Test
    void badValuesSayWhatIsWrongAndWhatIsAllowed() {
        for (String bad : List.of("every=20s", "actions=kill", "every=0s,actions=kill", "every=20,actions=kill",
                "every=20s,actions=kill,explode", "every=20s,actions=kill,max=0", "every=20s,actions=kill,speed=3",
                "kill", "every=20s,every=30s,actions=kill")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> LabChaosOption.parse(bad, 3))
                    .withMessageContaining("(allowed: every=DURATION");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> LabChaosOption.parse("every=20s,actions=kill,explode", 3))
                .withMessageStartingWith("unknown action 'explode'");
    }
}

package dev.cgdemo.lab.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CommandParserTest {

    @Test
    void parsesTheIssuesScript() {
        assertThat(CommandParser.parseScript("wait 5; kill 2; wait 10; kill 3; wait 10")).containsExactly(
                new LabCommand.Wait(Duration.ofSeconds(5)), new LabCommand.Kill(2),
                new LabCommand.Wait(Duration.ofSeconds(10)), new LabCommand.Kill(3),
                new LabCommand.Wait(Duration.ofSeconds(10)));
    }

    @Test
    void acceptsNewLinesBlankStepsFractionsAndCase() {
        assertThat(CommandParser.parseScript("WAIT 0.5\n crash 1 ;; add\nstatus;quit")).containsExactly(
                new LabCommand.Wait(Duration.ofMillis(500)), new LabCommand.Crash(1), new LabCommand.Add(),
                new LabCommand.Status(), new LabCommand.Quit());
    }

    @Test
    void rejectsWhatCannotRunWithAMessageSayingWhatWouldHave() {
        assertThatThrownBy(() -> CommandParser.parse("kill")).hasMessageContaining("needs one consumer number");
        assertThatThrownBy(() -> CommandParser.parse("kill zero")).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> CommandParser.parse("kill 0")).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> CommandParser.parse("wait -1")).hasMessageContaining("0 to 3600");
        assertThatThrownBy(() -> CommandParser.parse("add 3")).hasMessageContaining("takes no argument");
        assertThatThrownBy(() -> CommandParser.parse("dance")).hasMessageContaining("unknown command 'dance'")
                .hasMessageContaining("kill N | crash N");
        assertThatThrownBy(() -> CommandParser.parseScript(" ; ")).hasMessageContaining("no steps");
    }

    @Test
    void commandTextsReadAsTyped() {
        assertThat(CommandParser.parseScript("wait 5; wait 0.5; kill 2; crash 3; add").stream().map(LabCommand::text))
                .containsExactly("wait 5", "wait 0.5", "kill 2", "crash 3", "add");
    }
}

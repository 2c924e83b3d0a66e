package dev.cgdemo.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchOptionsTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = LabMain.commandLine();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }

    @Test
    void anUnknownProtocolIsRefusedWithTheAllowedNames() {
        assertThat(run("bench", "--protocols", "eager,sticky")).isEqualTo(2);
        assertThat(err.toString()).contains("--protocols").contains("allowed: eager, cooperative, static, consumer");
    }

    @Test
    void aSessionTimeoutOutsideItsRangeIsRefused() {
        assertThat(run("bench", "--session-timeout-ms", "500")).isEqualTo(2);
        assertThat(err.toString()).contains("--session-timeout-ms").contains("allowed: 1000 to 60000");
    }

    @Test
    void aSteadySpellShorterThanTheRebalanceGapIsRefused() {
        assertThat(run("bench", "--steady-seconds", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("--steady-seconds").contains("allowed: 4 to 600");
    }

    @Test
    void tooFewRecordsForAThroughputRunAreRefused() {
        assertThat(run("bench", "--throughput", "--records", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("--records").contains("allowed: 1000 to 100000000");
    }

    @Test
    void aRepeatOutsideItsRangeIsRefused() {
        assertThat(run("bench", "--repeat", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--repeat").contains("allowed: 1 to 50");
    }

    @Test
    void aSoakOfTooManyEventsIsRefused() {
        assertThat(run("bench", "--soak", "--events", "151")).isEqualTo(2);
        assertThat(err.toString()).contains("--events").contains("allowed: 1 to 150");
    }

    @Test
    void aSoakIntervalOfZeroIsRefused() {
        assertThat(run("bench", "--soak", "--every", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--every").contains("allowed: 1 to 3600");
    }
}

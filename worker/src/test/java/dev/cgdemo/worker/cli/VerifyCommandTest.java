package dev.cgdemo.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.worker.WorkerMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VerifyCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = WorkerMain.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheOptionAndTheAllowedValues() {
        assertThat(run("verify", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("--format").contains("text, json");
    }

    @Test
    void aRebalanceGapBelowOneMillisecondIsRefused() {
        assertThat(run("verify", "--rebalance-gap-ms", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--rebalance-gap-ms").contains("allowed: 1 or more");
    }

    @Test
    void aPropertyWithoutValueIsRefused() {
        assertThat(run("verify", "--property", "acks")).isEqualTo(2);
        assertThat(err.toString()).contains("--property").contains("KEY=VALUE");
    }

    @Test
    void theAuditCanBeTurnedOffOnConsumeAndGroup() {
        AuditOptions options = new AuditOptions();
        new CommandLine(new Object() {
            @picocli.CommandLine.Mixin
            AuditOptions audit = options;
        }).parseArgs("--no-audit");
        assertThat(options.enabled).isFalse();
        new CommandLine(new Object() {
            @picocli.CommandLine.Mixin
            AuditOptions audit = options;
        }).parseArgs();
        assertThat(options.enabled).as("on by default").isTrue();
    }
}

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
        for (String command : new String[] {"consume", "group"}) {
            assertThat(auditOf(command, "--no-audit").enabled).as(command + " --no-audit").isFalse();
            assertThat(auditOf(command).enabled).as(command + ": on by default").isTrue();
        }
    }

    /** The audit option of {@code command} as the worker's own command line parses it. */
    private static AuditOptions auditOf(String command, String... args) {
        CommandLine.ParseResult parsed = WorkerMain.commandLine().parseArgs(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(command), java.util.Arrays.stream(args))
                        .toArray(String[]::new));
        Object subcommand = parsed.subcommand().commandSpec().userObject();
        return subcommand instanceof ConsumeCommand consume ? consume.audit : ((GroupCommand) subcommand).audit;
    }
}

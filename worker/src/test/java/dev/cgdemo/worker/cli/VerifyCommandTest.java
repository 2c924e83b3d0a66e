package dev.cgdemo.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.worker.WorkerMain;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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

    @Test
    void theAuditsCountsAreServedWithTheMembersMetricsOnConsumeAndGroup() {
        for (String command : new String[] {"consume", "group"}) {
            Object parsed = WorkerMain.commandLine().parseArgs(command, "--topic", "t").subcommand().commandSpec().userObject();
            AuditOptions audit = parsed instanceof ConsumeCommand consume ? consume.audit : ((GroupCommand) parsed).audit;
            CommonOptions common = parsed instanceof ConsumeCommand consume ? consume.common : ((GroupCommand) parsed).common;
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

            audit.publisher(common, "g", registry).orElseThrow().close();

            assertThat(registry.scrape()).as(command)
                    .contains("cgdemo_audit_entries_stored_total{topic=\"t.audit\"} 0.0")
                    .contains("cgdemo_audit_commits_held_back_total{topic=\"t.audit\"} 0.0")
                    .contains("cgdemo_audit_entries_unstored{topic=\"t.audit\"} 0.0");
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

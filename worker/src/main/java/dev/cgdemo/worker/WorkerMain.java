package dev.cgdemo.worker;

import dev.cgdemo.worker.cli.ConsumeCommand;
import dev.cgdemo.worker.cli.GroupCommand;
import dev.cgdemo.worker.cli.ProduceCommand;
import dev.cgdemo.worker.cli.ShortErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cgdemo-worker produce | consume | group}: the worker behind the lab, the operator's pods and the tests.
 */
@Command(name = "cgdemo-worker", mixinStandardHelpOptions = true, version = "cgdemo-worker 0.1.0",
        subcommands = {ProduceCommand.class, ConsumeCommand.class, GroupCommand.class},
        description = {
                "Watch Kafka consumer-group rebalancing: a keyed producer of web events, and consumers that show "
                        + "which partitions they own and every record they process.",
                "",
                "Every option has an environment twin (named in its description), so pods can be configured by env.",
                ""},
        footerHeading = "%nTry it (three terminals, like the article):%n",
        footer = {
                "  cgdemo-worker consume --id consumer-1 --http-port 8081",
                "  cgdemo-worker consume --id consumer-2 --http-port 8082",
                "  cgdemo-worker produce --http-port 0",
                "Then stop a consumer with Ctrl+C and watch its partition move to the other one.",
                "Or all in one process: cgdemo-worker group --consumers 3"})
public final class WorkerMain implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose produce, consume or group");
    }

    /** The configured command line (also used by tests to run commands in-process). */
    public static CommandLine commandLine() {
        return new CommandLine(new WorkerMain())
                .setParameterExceptionHandler(new ShortErrors())
                .setUsageHelpAutoWidth(true);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}

package dev.cgdemo.worker.cli;

import dev.cgdemo.worker.WorkerMain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad options never reach Kafka: exit code 2 and a message naming the option and what it allows. */
class BadOptionsTest {

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = WorkerMain.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exitCode = cmd.execute(args);
        return new Outcome(exitCode, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            consume --protocol foo                          | '--protocol'            | classic, consumer
            consume --assignor uniform                      | '--assignor'            | range, roundrobin, sticky, cooperative-sticky
            consume --protocol consumer --assignor sticky   | '--assignor'            | uniform, range
            consume --protocol consumer --assignor bogus    | '--assignor'            | uniform, range
            consume --events xml                            | '--events'              | text, json
            consume --processing-delay-ms -1                | '--processing-delay-ms' | 0 or more
            consume --http-port 70000                       | '--http-port'           | 1..65535
            consume --property foo=                         | '--property'            | KEY=VALUE
            consume --group=                                | '--group'               | must not be empty
            consume --property max.poll.records=many       | '--property'            | max.poll.records
            produce --property acks=some                    | '--property'            | acks
            group --property group.protocol=bogus           | '--property'            | group.protocol
            consume --nonsense                              | '--nonsense'            | Unknown option
            produce --rate 0                                | '--rate'                | greater than 0
            produce --rate -2.5                             | '--rate'                | greater than 0
            produce --rate fast                             | '--rate'                | fast
            produce --keys 0                                | '--keys'                | 1 or more
            produce --count -1                              | '--count'               | 0 or more
            produce --events yaml                           | '--events'              | text, json
            group --consumers 0                             | '--consumers'           | 1..100
            group --consumers 3 --protocol classic --assignor uniform | '--assignor'  | cooperative-sticky
            group --protocol kip848                         | '--protocol'            | classic, consumer
            """)
    void badOptionExitsWithTwoAndNamesTheOptionAndWhatItAllows(String commandLine, String option, String allowed) {
        Outcome outcome = run(commandLine.trim().split(" +"));
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).contains(option).contains(allowed).contains("--help");
    }

    @Test
    void noCommandIsABadOptionToo() {
        Outcome outcome = run();
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Missing command", "produce", "consume", "group", "verify");
    }

    @Test
    void helpExplainsEveryOptionWithItsEnvironmentTwin() {
        Outcome consume = run("consume", "--help");
        assertThat(consume.exitCode()).isZero();
        assertThat(consume.out()).contains("KAFKA_BOOTSTRAP_SERVERS", "CGDEMO_TOPIC", "CGDEMO_HTTP_PORT", "CGDEMO_KAFKA_PROPERTIES",
                "CGDEMO_GROUP_ID", "CGDEMO_CONSUMER_ID", "CGDEMO_PROTOCOL", "CGDEMO_ASSIGNOR", "CGDEMO_STATIC_MEMBERSHIP",
                "CGDEMO_PROCESSING_DELAY_MS", "CGDEMO_EVENTS", "CGDEMO_LOG_RECORDS");
        assertThat(run("produce", "--help").out()).contains("CGDEMO_RATE", "CGDEMO_KEYS", "CGDEMO_COUNT", "CGDEMO_PRODUCER_ID");
        assertThat(run("group", "--help").out()).contains("CGDEMO_CONSUMERS", "CGDEMO_PROTOCOL");
    }
}

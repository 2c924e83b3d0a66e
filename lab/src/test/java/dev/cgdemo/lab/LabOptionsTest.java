package dev.cgdemo.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;

/** Bad options stop the lab before anything starts: exit 2 and a message naming the option and what is allowed. */
class LabOptionsTest {

    private record Result(int exitCode, String err) {
    }

    private static Result run(String... args) {
        CommandLine commandLine = LabMain.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, err.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--protocol|modern|'--protocol'|classic, consumer",
            "--assignor|uniform|'--assignor'|range, roundrobin, sticky, cooperative-sticky",
            "--assignor|banana|'--assignor'|cooperative-sticky",
            "--consumers|0|'--consumers'|1 to 50",
            "--chaos|every=20s,actions=kill,explode|'--chaos'|kill, crash, add",
            "--chaos|every=soon,actions=kill|'--chaos'|every=DURATION",
            "--partitions|0|'--partitions'|1 to 1000",
            "--rate|0|'--rate'|greater than 0",
            "--rate|-3|'--rate'|greater than 0",
            "--keys|0|'--keys'|1 or more",
            "--processing-delay-ms|-1|'--processing-delay-ms'|0 or more",
            "--script|wait 5; dance|'--script'|kill N | crash N",
            "--script|kill two|'--script'|1 or more",
            "--listen|localhost:http|'--listen'|HOST:PORT",
            "--listen|localhost:70000|'--listen'|0-65535",
            "--broker-config|novalue|'--broker-config'|KEY=VALUE",
            "--broker-config|group.consumer.heartbeat.interval.ms=fast|'--broker-config'|group.consumer.heartbeat.interval.ms",
            "--consumer-property|x|'--consumer-property'|KEY=VALUE",
            "--settle-timeout-seconds|0|'--settle-timeout-seconds'|1 to 600",
            "--ui-port|70000|'--ui-port'|0 to 65535",
            "--ui-port|-1|'--ui-port'|0 to 65535"})
    void aBadOptionIsAUsageErrorNamingItAndWhatIsAllowed(String option, String value, String named, String allowed) {
        Result result = run(option, value);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(named).contains(allowed);
    }

    @Test
    void anAssignorOfTheOtherProtocolIsAcceptedWithThatProtocol() {
        LabMain main = new LabMain();
        new CommandLine(main).parseArgs("--protocol", "consumer", "--assignor", "uniform", "--static",
                "--consumer-property", "max.poll.records=50", "--script", "wait 1; kill 2");
        LabSettings settings = main.settings();

        assertThat(settings.protocol().kafkaName()).isEqualTo("consumer");
        assertThat(settings.assignor()).isEqualTo("uniform");
        assertThat(settings.staticMembership()).isTrue();
        // Classic-only timeouts are not added for the consumer protocol: the broker owns them there.
        assertThat(settings.consumerProperties()).containsOnlyKeys("max.poll.records");
        assertThat(settings.script()).hasValueSatisfying(steps -> assertThat(steps).hasSize(2));
    }

    @Test
    void classicConsumersGetQuickHeartbeatsUnlessTold() {
        LabMain main = new LabMain();
        new CommandLine(main).parseArgs("--consumer-property", "session.timeout.ms=6000");
        LabSettings settings = main.settings();

        assertThat(settings.consumerProperties())
                .containsEntry("session.timeout.ms", "6000")
                .containsEntry("heartbeat.interval.ms", "500");
        assertThat(settings.script()).isEmpty();
        assertThat(settings.consumers()).isEqualTo(3);
        assertThat(settings.partitions()).isEqualTo(3);
        assertThat(settings.topic()).isEqualTo("web-events-partitioned");
        assertThat(settings.consumerJavaOptions()).isEqualTo(List.of(LabMain.DEFAULT_CONSUMER_JAVA_OPTIONS.split(" ")));
    }

    @Test
    void theBrokerCommandRejectsABadAdvertisedAddress() {
        Result result = run("broker", "--advertise", "10.244.0.1:port");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'--advertise'").contains("HOST:PORT");
    }
}

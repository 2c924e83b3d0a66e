package dev.cgdemo.worker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cgdemo.worker.audit.GroupVerification;
import dev.cgdemo.worker.verify.DeliveryReport;
import dev.cgdemo.worker.verify.ReportPrinter;
import dev.cgdemo.worker.verify.VerifierSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "verify", sortOptions = false, mixinStandardHelpOptions = true, exitCodeOnExecutionException = 3,
        description = {
                "Prove a group's delivery of a topic from its audit topic (<topic>.audit, written by consumers run with "
                        + "--audit) and the broker's offsets: offsets below the committed position nobody processed "
                        + "(lost), offsets processed more than once (duplicates) and the rebalance that caused them, and "
                        + "per rebalance which partitions moved from whom to whom and how long each stood still.",
                "",
                "It only reads: it joins no group, commits nothing and creates no topic.",
                "",
                "Exit code: 0 nothing lost, 1 something was lost, 2 bad options, 3 the audit or the offsets could not be "
                        + "read (no audit topic, unknown topic, broker unreachable, a client setting Kafka refuses).",
                ""},
        footerHeading = "%nExample:%n",
        footer = "  cgdemo-worker verify --topic web-events-partitioned --group web-events-group")
public final class VerifyCommand implements Callable<Integer> {

    /** Output format of the report. */
    public enum Format { TEXT, JSON }

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka brokers to connect to (env KAFKA_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "NAME", defaultValue = "${env:CGDEMO_TOPIC:-web-events-partitioned}",
            description = "The consumed topic; its audit is <topic>.audit (env CGDEMO_TOPIC; default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--group", paramLabel = "GROUP_ID", defaultValue = "${env:CGDEMO_GROUP_ID:-web-events-group}",
            description = "Consumer group whose delivery to check (env CGDEMO_GROUP_ID; default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--rebalance-gap-ms", paramLabel = "MS", defaultValue = "${env:CGDEMO_REBALANCE_GAP_MS:-3000}",
            description = "How long after a rebalance has settled a member's late callback of the same generation still "
                    + "belongs to it; keep it above a few heartbeat intervals (env CGDEMO_REBALANCE_GAP_MS; default: "
                    + "${DEFAULT-VALUE}).")
    long rebalanceGapMs;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "${env:CGDEMO_VERIFY_FORMAT:-text}",
            converter = FormatConverter.class,
            description = "Report format (env CGDEMO_VERIFY_FORMAT; default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--property", paramLabel = "KEY=VALUE", split = ",", mapFallbackValue = "",
            defaultValue = "${env:CGDEMO_KAFKA_PROPERTIES}",
            description = "Extra Kafka client setting, repeatable (env CGDEMO_KAFKA_PROPERTIES, comma-separated).")
    Map<String, String> kafkaProperties;

    @Override
    public Integer call() throws Exception {
        if (rebalanceGapMs < 1) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--rebalance-gap-ms': " + rebalanceGapMs + " (allowed: 1 or more milliseconds)");
        }
        if (topic == null || topic.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--topic': must not be empty");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--group': must not be empty");
        }
        Map<String, String> properties = KafkaPropertyValues.of(kafkaProperties, spec);
        PrintWriter out = spec.commandLine().getOut();
        DeliveryReport report;
        try {
            report = new GroupVerification(bootstrapServers, properties,
                    new VerifierSettings(Duration.ofMillis(rebalanceGapMs))).verify(topic.trim(), groupId.trim());
        } catch (RuntimeException e) {
            // Kafka's own errors (a refused --property, an unreachable broker) as much as ours: never exit 1, which
            // says "something was lost"
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + ErrorLine.of(e));
            err.flush();
            return 3;
        }
        out.print(format == Format.JSON ? json(report) : new ReportPrinter().render(report));
        out.flush();
        return report.lost() > 0 ? 1 : 0;
    }

    private static String json(DeliveryReport report) throws Exception {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValueAsString(report) + System.lineSeparator();
    }

    static final class FormatConverter extends ChoiceConverter<Format> {
        FormatConverter() {
            super(Format.class);
        }
    }
}

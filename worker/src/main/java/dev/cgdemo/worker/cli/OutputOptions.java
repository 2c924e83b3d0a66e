package dev.cgdemo.worker.cli;

import picocli.CommandLine.Option;

/** How a command reports on stdout. */
public final class OutputOptions {
    /** Output format on stdout. */
    public enum Format { TEXT, JSON }

    @Option(names = "--events", paramLabel = "text|json", defaultValue = "${env:CGDEMO_EVENTS:-text}",
            converter = FormatConverter.class,
            description = "stdout format: 'text' for people, 'json' for machines (one JSON object per line, "
                    + "see README) (env CGDEMO_EVENTS; default: ${DEFAULT-VALUE}). Logs always go to stderr.")
    Format format;

    @Option(names = "--log-records", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            defaultValue = "${env:CGDEMO_LOG_RECORDS:-true}",
            description = "In text mode, print one line per record; --log-records=false for throughput "
                    + "(env CGDEMO_LOG_RECORDS; default: ${DEFAULT-VALUE}).")
    boolean logRecords;

    static final class FormatConverter extends ChoiceConverter<Format> {
        FormatConverter() {
            super(Format.class);
        }
    }
}

package dev.cgdemo.worker.cli;

import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.InvalidSettingException;
import dev.cgdemo.worker.consume.MemberListener;
import dev.cgdemo.worker.events.Ansi;
import dev.cgdemo.worker.events.JsonMemberEvents;
import dev.cgdemo.worker.events.TextMemberEvents;
import dev.cgdemo.worker.http.MemberMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.cgdemo.worker.audit.AuditPublisher;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "group", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
                "Run N members of one consumer group in this process (the article's first demo): each gets its own "
                        + "colour when stdout is a terminal, and the partitions are shared out among them.",
                "Members are called <id>-1 .. <id>-N. Ctrl+C stops them all cleanly.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  cgdemo-worker group --consumers 3 --id consumer",
                "  cgdemo-worker group --consumers 4 --protocol consumer --processing-delay-ms 200"})
public final class GroupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    CommonOptions common;
    @Option(names = "--consumers", paramLabel = "N", defaultValue = "${env:CGDEMO_CONSUMERS:-3}",
            description = "How many members to run (1..100) (env CGDEMO_CONSUMERS; default: ${DEFAULT-VALUE}).")
    int consumers;
    @Mixin
    ConsumeOptions consume;
    @Mixin
    OutputOptions output;
    @Mixin
    AuditOptions audit;

    @Override
    public Integer call() throws Exception {
        common.validate();
        if (consumers < 1 || consumers > 100) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--consumers': " + consumers + " (allowed: 1..100)");
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MemberMetrics metrics = new MemberMetrics(registry);
        boolean terminal = System.console() != null;
        String prefix = consume.idOrHostname();
        List<GroupMember> members = new ArrayList<>();
        Optional<AuditPublisher> publisher = audit.publisher(common, consume.groupId, registry);
        for (int i = 1; i <= consumers; i++) {
            ConsumerSettings settings = consume.settings(common, prefix + "-" + i);
            MemberListener printer = output.format == OutputOptions.Format.JSON
                    ? new JsonMemberEvents(System.out, settings)
                    : new TextMemberEvents(System.out, terminal ? Ansi.forIndex(i - 1) : Ansi.none(), output.logRecords);
            MemberListener listener = publisher.<MemberListener>map(p -> MemberListener.all(printer, metrics, p))
                    .orElse(MemberListener.all(printer, metrics));
            GroupMember member;
            try {
                member = new GroupMember(settings, listener, registry);
            } catch (InvalidSettingException e) {
                publisher.ifPresent(AuditPublisher::close);
                throw BadOption.of(spec, e);
            }
            publisher.ifPresent(p -> p.attach(member));
            members.add(member);
        }
        try {
            return Members.runUntilStopped(members, common, registry);
        } finally {
            publisher.ifPresent(AuditPublisher::close);
        }
    }
}

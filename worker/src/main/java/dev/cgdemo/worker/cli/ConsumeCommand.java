package dev.cgdemo.worker.cli;

import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.MemberListener;
import dev.cgdemo.worker.events.Ansi;
import dev.cgdemo.worker.events.JsonMemberEvents;
import dev.cgdemo.worker.events.TextMemberEvents;
import dev.cgdemo.worker.http.MemberMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import dev.cgdemo.worker.consume.InvalidSettingException;

import dev.cgdemo.worker.audit.AuditPublisher;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "consume", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
                "Run one member of a consumer group: print every record it processes and every change to its partitions.",
                "",
                "Offsets are committed in the background as records are processed (at most every 100 ms), and "
                        + "synchronously when partitions are revoked and on shutdown, so a clean stop (SIGTERM, Ctrl+C) "
                        + "hands over without processing anything twice; a crash re-delivers only what was processed but "
                        + "not yet committed. Exit code 0 after a clean stop.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # three terminals, like the article: watch the partitions move when one is stopped",
                "  cgdemo-worker consume --id consumer-1 --http-port 8081",
                "  cgdemo-worker consume --id consumer-2 --http-port 8082",
                "  # the KIP-848 protocol with a broker-side assignor, machine-readable output",
                "  cgdemo-worker consume --protocol consumer --assignor range --events json --http-port 0"})
public final class ConsumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    CommonOptions common;
    @Mixin
    ConsumeOptions consume;
    @Mixin
    OutputOptions output;
    @Mixin
    AuditOptions audit;

    @Override
    public Integer call() throws Exception {
        common.validate();
        ConsumerSettings settings = consume.settings(common, consume.idOrHostname());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MemberListener printer = output.format == OutputOptions.Format.JSON
                ? new JsonMemberEvents(System.out, settings)
                : new TextMemberEvents(System.out, Ansi.none(), output.logRecords);
        Optional<AuditPublisher> publisher = audit.publisher(common, settings.groupId(), registry);
        MemberListener metrics = new MemberMetrics(registry);
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
        try {
            return Members.runUntilStopped(List.of(member), common, registry);
        } finally {
            publisher.ifPresent(AuditPublisher::close);
        }
    }
}

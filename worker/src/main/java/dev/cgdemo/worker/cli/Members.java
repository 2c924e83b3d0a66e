package dev.cgdemo.worker.cli;

import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.http.WorkerHttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs members until a signal stops them (or they fail), with the HTTP endpoints alongside. */
final class Members {
    private Members() {
    }

    /** @return 0 after a clean stop, 1 if a member stopped on a fatal error */
    static int runUntilStopped(List<GroupMember> members, CommonOptions common, PrometheusMeterRegistry registry)
            throws IOException, InterruptedException {
        Optional<WorkerHttpServer> http = common.startHttp(registry, () -> members.stream().allMatch(GroupMember::hasJoined));
        try {
            StopSignals.onStop(() -> members.forEach(GroupMember::requestClose), () -> members.forEach(GroupMember::close));
            members.forEach(GroupMember::start);
            for (GroupMember member : members) {
                while (!member.awaitTermination(Duration.ofSeconds(1))) {
                    if (members.stream().anyMatch(m -> m.failure().isPresent())) {
                        members.forEach(GroupMember::requestClose);
                    }
                }
            }
        } finally {
            http.ifPresent(WorkerHttpServer::close);
        }
        return members.stream().anyMatch(m -> m.failure().isPresent()) ? 1 : 0;
    }
}

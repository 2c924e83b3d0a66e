package dev.cgdemo.deploy.e2e;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Follows the log of every pod matching a label selector from its first line (each pod
 * incarnation once, by uid, also a replacement with the same name), feeds the lines to
 * {@link ConsumerLogLines} and keeps a copy under {@code target/e2e-logs/} for a human.
 */
final class PodLogCollector implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final ConsumedOffsets consumed;
    private final Path logDirectory;
    private final Set<String> followedUids = ConcurrentHashMap.newKeySet();
    private final Set<String> notedExits = ConcurrentHashMap.newKeySet();
    private final List<LogWatch> watches = new CopyOnWriteArrayList<>();
    private final SharedIndexInformer<Pod> informer;

    PodLogCollector(KubernetesClient client, String namespace, Map<String, String> labels, ConsumedOffsets consumed, Path logDirectory) {
        this.client = client;
        this.namespace = namespace;
        this.consumed = consumed;
        this.logDirectory = logDirectory;
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.informer = client.pods().inNamespace(namespace).withLabels(labels).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                followIfRunning(pod);
            }

            @Override
            public void onUpdate(Pod oldPod, Pod pod) {
                followIfRunning(pod);
                noteEnd(pod, false);
            }

            @Override
            public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                noteEnd(pod, true);
            }
        });
    }

    private void followIfRunning(Pod pod) {
        var statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
        boolean started = statuses != null && !statuses.isEmpty()
                && (statuses.get(0).getState().getRunning() != null || statuses.get(0).getState().getTerminated() != null);
        String uid = pod.getMetadata().getUid();
        if (!started || !followedUids.add(uid)) {
            return;
        }
        String name = pod.getMetadata().getName();
        Path copy = logDirectory.resolve(name + "-" + uid.substring(0, 8) + ".log");
        watches.add(client.pods().inNamespace(namespace).withName(name).watchLog(new LineSplitter(line -> {
            ConsumerLogLines.read(line, consumed);
            append(copy, line);
        })));
    }

    /**
     * When a stopping pod's container has exited, and when the pod object is gone: tells a slow step apart into the
     * worker taking long to stop (exit late, or 137 after the grace period) and Kubernetes taking long to clean up.
     */
    private void noteEnd(Pod pod, boolean removed) {
        String uid = pod.getMetadata().getUid();
        if (!followedUids.contains(uid) || pod.getMetadata().getDeletionTimestamp() == null) {
            return;
        }
        var statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
        var terminated = statuses == null || statuses.isEmpty() ? null : statuses.get(0).getState().getTerminated();
        String note;
        if (removed) {
            note = "# pod removed at " + Instant.now() + " (deletion requested " + pod.getMetadata().getDeletionTimestamp() + ")";
        } else if (terminated != null && notedExits.add(uid)) {
            note = "# container exited " + terminated.getExitCode() + " (" + terminated.getReason() + ") at "
                    + terminated.getFinishedAt() + " (deletion requested " + pod.getMetadata().getDeletionTimestamp() + ")";
        } else {
            return;
        }
        System.out.println(pod.getMetadata().getName() + " " + note);
        append(logDirectory.resolve(pod.getMetadata().getName() + "-" + uid.substring(0, 8) + ".log"), note);
    }

    private static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        informer.close();
        watches.forEach(LogWatch::close);
    }

    /** Bytes in, whole lines out. */
    private static final class LineSplitter extends OutputStream {
        private final java.util.function.Consumer<String> lines;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineSplitter(java.util.function.Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.accept(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            } else {
                pending.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }
    }
}

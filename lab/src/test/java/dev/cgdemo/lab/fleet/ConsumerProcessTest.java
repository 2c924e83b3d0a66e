package dev.cgdemo.lab.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cgdemo.lab.fleet.ConsumerEvent.AssignmentChanged;
import dev.cgdemo.lab.fleet.ConsumerEvent.Kind;
import dev.cgdemo.lab.fleet.ConsumerEvent.ShutdownComplete;

class ConsumerProcessTest {

    @TempDir
    Path dir;

    @Test
    void linesPrintedAfterSigtermStillReachTheLab() throws Exception {
        List<ConsumerEvent> events = new CopyOnWriteArrayList<>();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PrintsWhileStopping.class.getName());
        ConsumerProcess process = ConsumerProcess.start("consumer-1", command, new ConsumerEventParser(), events::add,
                line -> { }, dir.resolve("consumer-1.out"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !events.isEmpty());

        process.terminate();

        assertThat(process.awaitExit(Duration.ofSeconds(30))).isTrue();
        assertThat(process.exitCode()).hasValue(143);
        assertThat(events).hasSize(4);
        assertThat(events.get(1)).isInstanceOf(ConsumerEvent.RecordsConsumed.class);
        assertThat(events.get(2)).isEqualTo(new AssignmentChanged("consumer-1", Kind.REVOKED, List.of(0)));
        assertThat(events.get(3)).isEqualTo(new ShutdownComplete("consumer-1"));
        assertThat(Files.readAllLines(dir.resolve("consumer-1.out"))).hasSize(4);
    }
}

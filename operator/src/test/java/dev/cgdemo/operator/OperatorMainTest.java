package dev.cgdemo.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OperatorMainTest {

  @Test
  void flagsBecomeSettings() {
    OperatorMain main = new OperatorMain();
    new CommandLine(main).parseArgs("--bootstrap-servers", "kafka:9092", "--worker-image", "me/worker:1",
        "--namespaces", "a, b", "--status-interval", "500ms", "--leader-election", "--server-side-apply=false");
    OperatorSettings settings = main.settings();
    assertThat(settings.defaults().bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(settings.defaults().workerImage()).isEqualTo("me/worker:1");
    assertThat(settings.namespaces()).containsExactlyInAnyOrder("a", "b");
    assertThat(settings.statusInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.leaderElection()).isTrue();
    assertThat(settings.serverSideApply()).isFalse();
    if (System.getenv("CGDEMO_UI_ACTIONS") == null) {
      assertThat(main.uiActions()).as("read-only by default").isFalse();
    }
    new CommandLine(main).parseArgs("--ui-actions");
    assertThat(main.uiActions()).isTrue();
  }

  @Test
  void defaultsWatchAllNamespacesWithServerSideApplyAndTheReleasedWorkerImage() {
    OperatorMain main = new OperatorMain();
    new CommandLine(main).parseArgs();
    OperatorSettings settings = main.settings();
    assertThat(settings.namespaces()).isEmpty();
    assertThat(settings.serverSideApply()).isTrue();
    assertThat(settings.leaderElection()).isFalse();
    assertThat(settings.statusInterval()).isEqualTo(Duration.ofSeconds(3));
    if (System.getenv("CGDEMO_WORKER_IMAGE") == null) {
      assertThat(settings.defaults().workerImage()).isEqualTo("cgdemo/worker:0.1.0");
    }
  }

  @Test
  void aBadValueExitsWithTwoNamingTheFlagAndWhatIsAllowed() {
    assertThat(run("--status-interval", "soon")).startsWith("2|").contains("--status-interval").contains("3s");
    assertThat(run("--status-interval", "0s")).startsWith("2|").contains("--status-interval");
    assertThat(run("--http-port", "70000")).startsWith("2|").contains("--http-port").contains("0 to 65535");
    assertThat(run("--leader-election=maybe")).startsWith("2|").contains("--leader-election");
    assertThat(run("--ui-actions=maybe")).startsWith("2|").contains("--ui-actions");
    assertThat(run("--no-such-flag")).startsWith("2|").contains("--no-such-flag");
  }

  private static String run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new OperatorMain());
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return code + "|" + err;
  }
}

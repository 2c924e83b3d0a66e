package dev.cgdemo.operator;

import dev.cgdemo.operator.cleanup.ReleaseCleanup;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cgdemo-operator cleanup}: what the chart's pre-delete hook runs, while the operator and its RBAC still
 * exist. Exit 0 when the release's resources are gone, 1 when some are still there after the timeout, 2 on a bad
 * flag.
 *
 * <p>Kubernetes API use (the hook's Role is written from this list, in the resources' namespace only):
 * <pre>
 * group               resource                    verbs
 * cgdemo.dev          consumergroupdemos          list watch delete
 * </pre>
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
    description = "Deletes the ConsumerGroupDemo resources of a Helm release and waits until the operator has removed their finalizers.")
public final class CleanupCommand implements Callable<Integer> {

  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
  private static final Pattern RELEASE = Pattern.compile("^[a-z0-9]([-a-z0-9.]{0,51}[a-z0-9])?$");

  @Spec
  private CommandSpec spec;

  @Option(names = "--release", defaultValue = "${env:CGDEMO_RELEASE:-}",
      description = "Helm release whose resources to delete (env CGDEMO_RELEASE).")
  private String release;

  @Option(names = "--release-namespace", defaultValue = "${env:CGDEMO_RELEASE_NAMESPACE:-}",
      description = "Namespace of the Helm release (env CGDEMO_RELEASE_NAMESPACE).")
  private String releaseNamespace;

  @Option(names = "--namespace", defaultValue = "${env:CGDEMO_CLEANUP_NAMESPACE:-}",
      description = "Namespace of the resources; empty: the release namespace (env CGDEMO_CLEANUP_NAMESPACE).")
  private String namespace;

  @Option(names = "--timeout", defaultValue = "${env:CGDEMO_CLEANUP_TIMEOUT:-90s}", converter = DurationConverter.class,
      description = "How long to wait for the resources to be gone, e.g. 90s, 2m (env CGDEMO_CLEANUP_TIMEOUT). Default: ${DEFAULT-VALUE}.")
  private Duration timeout;

  private final Supplier<KubernetesClient> clients;

  /** In-cluster config or kubeconfig, as the operator. */
  public CleanupCommand() {
    this(() -> new KubernetesClientBuilder().build());
  }

  public CleanupCommand(Supplier<KubernetesClient> clients) {
    this.clients = clients;
  }

  @Override
  public Integer call() throws InterruptedException {
    String resourcesNamespace = namespace.isBlank() ? releaseNamespace.trim() : namespace.trim();
    check("--release", release, RELEASE, "a Helm release name: lowercase letters, digits, '-' and '.', at most 53");
    check("--release-namespace", releaseNamespace, DNS_LABEL, "a namespace name: lowercase letters, digits and '-', at most 63");
    check("--namespace", resourcesNamespace, DNS_LABEL, "a namespace name: lowercase letters, digits and '-', at most 63; empty: the release namespace");
    try (KubernetesClient client = clients.get()) {
      var outcome = new ReleaseCleanup(client, release.trim(), releaseNamespace.trim(), resourcesNamespace).run(timeout);
      return outcome.clean() ? 0 : 1;
    }
  }

  private void check(String option, String value, Pattern allowed, String what) {
    if (!allowed.matcher(value.trim()).matches()) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '" + option + "': '" + value + "' (allowed: " + what + ")");
    }
  }
}

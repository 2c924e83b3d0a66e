package dev.cgdemo.operator.chaos;

import dev.cgdemo.operator.model.ChaosSpec;
import dev.cgdemo.operator.model.ChaosStatus;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoStatus;
import dev.cgdemo.operator.spec.EffectiveSpec;
import dev.cgdemo.operator.status.ChaosEvents;
import dev.cgdemo.operator.status.Conditions;
import dev.cgdemo.operator.workload.Labels;
import dev.cgdemo.worker.chaos.ChaosDecision;
import dev.cgdemo.worker.chaos.ChaosMoment;
import dev.cgdemo.worker.chaos.ChaosPlan;
import dev.cgdemo.worker.chaos.ChaosScheduler;
import dev.cgdemo.worker.history.GroupAction;
import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.RebalanceCause;
import dev.cgdemo.worker.watch.GroupSnapshot;
import dev.cgdemo.worker.watch.GroupWatch;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs spec.chaos from the reconciler (JOSDK reconciles one resource at a time, so two actions never race): brings
 * the outcomes of earlier actions up to date in status.chaos, asks {@link ChaosScheduler} whether to act, and acts
 * only on this resource's own consumer pods (its instance and component labels). A scale patches
 * spec.consumers.replicas as {@code kubectl scale} would, so the workflow, the scale subresource and the user all see
 * the same number. Returns when to look again.
 */
public final class ChaosRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ChaosRunner.class);
  private static final Duration SCALE_REBALANCE_WITHIN = Duration.ofSeconds(60);
  /** A graceful delete leaves the group within the pod's grace period (30 s by default). */
  private static final Duration DELETE_REBALANCE_WITHIN = Duration.ofSeconds(40);
  /** A killed member is dropped after its session timeout (45 s by default for the consumer protocol). */
  private static final Duration KILL_REBALANCE_WITHIN = Duration.ofSeconds(90);

  private static final ChaosStatus NONE = new ChaosStatus();

  private final KubernetesClient client;
  private final Map<ResourceID, ChaosStatus> known = new ConcurrentHashMap<>();

  public ChaosRunner(KubernetesClient client) {
    this.client = client;
  }

  public Optional<Duration> run(ConsumerGroupDemo resource, EffectiveSpec spec, ConsumerGroupDemoStatus status,
      GroupWatch group, Instant now) {
    ChaosSpec chaosSpec = resource.getSpec().getChaos();
    ResourceID id = ResourceID.fromResource(resource);
    if (chaosSpec == null) {
      known.remove(id);
      return Optional.empty();
    }
    // What this operator last wrote is the truth while it runs: JOSDK's cached resource may not show its last
    // status patch yet, and counting an action's outcome twice would skew the totals. After a restart, the status.
    ChaosStatus chaos = known.computeIfAbsent(id, k -> status.getChaos() == null ? NONE : Serialization.clone(status.getChaos()));
    Optional<Duration> again = decide(resource, spec, status, group, now, chaosSpec,
        chaos == NONE ? null : Serialization.clone(chaos));
    if (status.getChaos() != null) {
      known.put(id, Serialization.clone(status.getChaos()));
    }
    return again;
  }

  /** Forgets a deleted resource. */
  public void forget(ResourceID id) {
    known.remove(id);
  }

  private Optional<Duration> decide(ConsumerGroupDemo resource, EffectiveSpec spec, ConsumerGroupDemoStatus status,
      GroupWatch group, Instant now, ChaosSpec chaosSpec, ChaosStatus chaos) {
    status.setChaos(chaos);
    if (chaos == null) {
      chaos = new ChaosStatus();
      chaos.setSince(now.toString());
      chaos.setActions(0L);
      status.setChaos(chaos);
    }
    boolean caughtUp = group.caughtUp();
    GroupHistory history = group.history();
    if (caughtUp) {
      ChaosLedger.observe(chaos, history, now);
    }
    ChaosPlan plan = ChaosPlans.of(chaosSpec, spec.consumerReplicas());
    List<Pod> running = runningConsumers(resource);
    Instant last = Instant.parse(Objects.requireNonNullElse(chaos.getLastActionTime(), chaos.getSince()));
    // Settled with exactly the running pods (client id = pod name): a pod still joining is not yet a member.
    // The broker agrees (no assignment pending, same owners): a cooperative join can look settled between rounds.
    boolean settled = caughtUp && history.settledWith(running.stream().map(pod -> pod.getMetadata().getName()).toList())
        && group.latest().filter(GroupSnapshot::atRest).filter(read -> read.owners().equals(history.owners())).isPresent()
        && ChaosLedger.lastActionDone(chaos);
    ChaosMoment moment = new ChaosMoment(now, last, Objects.requireNonNullElse(chaos.getActions(), 0L),
        ready(status), settled, running.size(), spec.consumerReplicas());
    ChaosDecision decision = ChaosScheduler.next(plan, moment);
    if (decision instanceof ChaosDecision.Hold hold) {
      chaos.setHolding(hold.reason());
      return Optional.of(clip(hold.recheckIn(), plan.every()));
    }
    ChaosDecision.Act act = (ChaosDecision.Act) decision;
    try {
      act(resource, chaos, act, running, history, now);
      chaos.setHolding("next action due at " + now.plus(plan.every()));
    } catch (KubernetesClientException e) {
      LOG.warn("{}: chaos {} failed: {}", resource.getMetadata().getName(), act.action().name(), e.getMessage());
      chaos.setHolding(act.action().name() + " failed: " + e.getMessage());
    }
    return Optional.of(plan.every());
  }

  private void act(ConsumerGroupDemo resource, ChaosStatus chaos, ChaosDecision.Act act, List<Pod> running,
      GroupHistory history, Instant now) {
    String name = resource.getMetadata().getName();
    String namespace = resource.getMetadata().getNamespace();
    String action = act.action().name();
    String message;
    if (ChaosPlans.SCALE.equals(action)) {
      history.acted(GroupAction.CHAOS, "scale to " + act.replicas(), now, RebalanceCause.SCALE, SCALE_REBALANCE_WITHIN);
      ConsumerGroupDemo scaled = client.resources(ConsumerGroupDemo.class).inNamespace(namespace).withName(name)
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"consumers\":{\"replicas\":" + act.replicas() + "}}}");
      // The status patch that records this action must not fail on the version the scale made.
      resource.getMetadata().setResourceVersion(scaled.getMetadata().getResourceVersion());
      ChaosLedger.taken(chaos, now, action, null, act.replicas(), history);
      message = "scale: spec.consumers.replicas to " + act.replicas();
    } else {
      // Round-robin by name over the running pods that own partitions (an idle member's end moves nothing, so
      // there would be no pause to show), so every consumer gets its turn; over all of them if none owns any.
      java.util.Collection<String> owners = history.owners().values();
      List<Pod> owning = running.stream().filter(pod -> owners.contains(pod.getMetadata().getName())).toList();
      List<Pod> candidates = owning.isEmpty() ? running : owning;
      Pod victim = candidates.get((int) Math.floorMod(Objects.requireNonNullElse(chaos.getActions(), 0L),
          (long) candidates.size()));
      String pod = victim.getMetadata().getName();
      var podResource = client.pods().inNamespace(namespace).withName(pod);
      // The operator knows what it did; the audit alone may not, e.g. when the pod is back within the rebalance.
      if (ChaosPlans.KILL.equals(action)) {
        history.acted(GroupAction.CHAOS, "kill " + pod, now, RebalanceCause.CRASH, KILL_REBALANCE_WITHIN);
        podResource.withGracePeriod(0).delete();
        message = "kill: deleted pod " + pod + " with grace period 0 (no commit, no leave)";
      } else {
        history.acted(GroupAction.CHAOS, "delete " + pod, now, RebalanceCause.LEAVE, DELETE_REBALANCE_WITHIN);
        podResource.delete();
        message = "delete: deleted pod " + pod + " (graceful: it commits and leaves the group)";
      }
      ChaosLedger.taken(chaos, now, action, pod, null, history);
    }
    LOG.info("{}/{}: chaos {}", namespace, name, message);
    ChaosEvents.record(client, resource, now, message);
  }

  /** This resource's consumer pods that run and are not being deleted, by name. */
  private List<Pod> runningConsumers(ConsumerGroupDemo resource) {
    return client.pods().inNamespace(resource.getMetadata().getNamespace())
        .withLabels(Labels.selector(resource.getMetadata().getName(), Labels.CONSUMER))
        .list().getItems().stream()
        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
        .filter(pod -> pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()))
        .sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
        .toList();
  }

  private static boolean ready(ConsumerGroupDemoStatus status) {
    return status.getConditions().stream()
        .anyMatch(c -> Conditions.READY.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static Duration clip(Duration recheck, Duration every) {
    Duration atMost = every.compareTo(ChaosScheduler.RECHECK) < 0 ? ChaosScheduler.RECHECK : every;
    if (recheck.compareTo(ChaosScheduler.RECHECK) < 0) {
      return ChaosScheduler.RECHECK;
    }
    return recheck.compareTo(atMost) > 0 ? atMost : recheck;
  }
}

package dev.cgdemo.operator.reconcile;

import dev.cgdemo.operator.kafka.BrokerSessionLimits;
import dev.cgdemo.operator.chaos.ChaosRunner;
import dev.cgdemo.operator.kafka.KafkaUnavailableException;
import dev.cgdemo.operator.kafka.TopicDependent;
import dev.cgdemo.operator.kafka.TopicExistsCondition;
import dev.cgdemo.operator.kafka.TopicOperations;
import dev.cgdemo.operator.kafka.TopicState;
import dev.cgdemo.operator.model.AcceptedTopicSpec;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoStatus;
import dev.cgdemo.operator.model.TopicSpec;
import dev.cgdemo.operator.model.TopicStatus;
import dev.cgdemo.operator.spec.EffectiveSpec;
import dev.cgdemo.operator.spec.KafkaPropertiesCheck;
import dev.cgdemo.operator.spec.SpecValidator;
import dev.cgdemo.operator.status.RebalanceAnnouncer;
import dev.cgdemo.operator.status.StatusDeriver;
import dev.cgdemo.operator.status.StatusWriter;
import dev.cgdemo.operator.workload.ConsumerServiceDependent;
import dev.cgdemo.operator.workload.ConsumerStatefulSetDependent;
import dev.cgdemo.operator.workload.ProducerDeploymentDependent;
import dev.cgdemo.operator.workload.ProducerEnabledCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import dev.cgdemo.worker.watch.GroupWatch;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic, the consumers' Service and StatefulSet and the producer Deployment are a workflow of
 * dependent resources; {@code reconcile} checks the spec, and its change from the topic spec last accepted
 * (kept in the status), refuses a topic another resource uses, runs the workflow (explicitly, so an invalid spec
 * changes nothing) and derives the status. The finalizer deletes the topic only when asked to, and only a topic
 * the operator created.
 */
@ControllerConfiguration(name = ConsumerGroupDemoReconciler.NAME)
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "topic", type = TopicDependent.class, readyPostcondition = TopicExistsCondition.class),
    @Dependent(name = "consumer-service", type = ConsumerServiceDependent.class),
    @Dependent(name = "consumers", type = ConsumerStatefulSetDependent.class, dependsOn = {"topic", "consumer-service"}),
    @Dependent(name = "producer", type = ProducerDeploymentDependent.class, dependsOn = "topic",
        reconcilePrecondition = ProducerEnabledCondition.class)
})
public class ConsumerGroupDemoReconciler implements Reconciler<ConsumerGroupDemo>, Cleaner<ConsumerGroupDemo> {

  public static final String NAME = "consumergroupdemo";
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroupDemoReconciler.class);
  private static final long TOPIC_DELETION_CHECK = Duration.ofSeconds(1).toMillis();
  /** How often a resource refused with TopicInUse looks again whether the topic became free. */
  private static final Duration TOPIC_IN_USE_CHECK = Duration.ofSeconds(5);

  /** Ready=False reason of a resource with spec.chaos when the operator runs without --chaos. */
  public static final String CHAOS_NOT_ENABLED = "ChaosNotEnabled";
  static final String CHAOS_NOT_ENABLED_MESSAGE = "spec.chaos needs an operator allowed to delete consumer pods:"
      + " install the chart with chaos.enabled=true (it starts the operator with --chaos and grants delete on pods),"
      + " or remove spec.chaos";

  private final OperatorServices services;
  private final SpecValidator validator;
  private final Clock clock;
  private final TopicUsers topicUsers;
  private final StaticMemberDepartures departures;
  private final BrokerSessionLimits sessionLimits;
  private final boolean chaosEnabled;
  private ChaosRunner chaosRunner;

  public ConsumerGroupDemoReconciler(OperatorServices services, Clock clock) {
    this(services, clock, false);
  }

  /** @param chaosEnabled the operator may delete consumer pods for spec.chaos (--chaos, the chart's chaos.enabled) */
  public ConsumerGroupDemoReconciler(OperatorServices services, Clock clock, boolean chaosEnabled) {
    this.chaosEnabled = chaosEnabled;
    this.services = services;
    this.validator = new SpecValidator(services.defaults());
    this.clock = clock;
    this.topicUsers = new TopicUsers(services.defaults());
    this.departures = new StaticMemberDepartures(services, clock);
    this.sessionLimits = new BrokerSessionLimits(clock);
  }

  @Override
  public List<EventSource<?, ConsumerGroupDemo>> prepareEventSources(EventSourceContext<ConsumerGroupDemo> context) {
    return List.of(services.groups());
  }

  @Override
  public UpdateControl<ConsumerGroupDemo> reconcile(ConsumerGroupDemo resource, Context<ConsumerGroupDemo> context) {
    StatusDeriver deriver = new StatusDeriver(clock.instant());
    ResourceID id = ResourceID.fromResource(resource);
    List<String> problems = validator.validate(resource, acceptedTopic(resource));
    if (!problems.isEmpty()) {
      services.groups().release(id);
      return StatusWriter.writeIfChanged(resource, deriver.notReady(resource, "InvalidSpec", String.join("; ", problems), false,
          Optional.empty()), context);
    }
    if (resource.getSpec().getChaos() != null && !chaosEnabled) {
      return StatusWriter.writeIfChanged(resource, deriver.notReady(resource, CHAOS_NOT_ENABLED, CHAOS_NOT_ENABLED_MESSAGE, false,
          services.groups().get(id)), context);
    }
    EffectiveSpec spec = EffectiveSpec.of(resource, services.defaults());
    Optional<String> rejected = KafkaPropertiesCheck.rejected(spec)
        .or(() -> brokerRefused(id, spec));
    if (rejected.isPresent()) {
      services.groups().release(id);
      return StatusWriter.writeIfChanged(resource, deriver.notReady(resource, KafkaPropertiesCheck.REASON, rejected.get(), false,
          Optional.empty()), context);
    }
    Optional<ConsumerGroupDemo> user = topicUsers.userBefore(resource, context.getPrimaryCache().list().toList());
    if (user.isPresent()) {
      // Asked again on a timer: when the other resource is deleted, this one takes the topic.
      services.groups().release(id);
      return StatusWriter.writeIfChanged(resource, deriver.notReady(resource, "TopicInUse", topicInUse(spec, user.get()), true,
          Optional.empty()), context).rescheduleAfter(TOPIC_IN_USE_CHECK);
    }
    var workflow = context.managedWorkflowAndDependentResourceContext();
    workflow.reconcileManagedWorkflow(); // throws when a dependent failed: see updateErrorStatus
    TopicState topic = workflow.get(TopicState.class, TopicState.class).orElse(null);
    GroupWatch group = services.groups().watch(id, spec.bootstrapServers(), spec.topicName(), spec.groupId());
    Optional<Duration> departuresCheck = departures.removeDeparted(resource, spec, group, context.getClient());
    ConsumerGroupDemoStatus status = deriver.reconciled(resource, spec, topic,
        context.getSecondaryResource(StatefulSet.class),
        context.getSecondaryResource(Deployment.class),
        Optional.of(group));
    if (group.caughtUp()) {
      RebalanceAnnouncer.announce(context.getClient(), resource, resource.getStatus(), group.history(), clock.instant());
    }
    recordTopic(status, context);
    status.setAcceptedTopicSpec(AcceptedTopicSpec.of(resource.getSpec().getTopic()));
    Optional<Duration> chaosAgain = chaos(context).run(resource, spec, status, group, clock.instant());
    UpdateControl<ConsumerGroupDemo> control = StatusWriter.writeIfChanged(resource, status, context);
    Optional<Duration> again = Stream.of(departuresCheck, chaosAgain).flatMap(Optional::stream).min(Duration::compareTo);
    return again.map(control::rescheduleAfter).orElse(control);
  }

  @Override
  public ErrorStatusUpdateControl<ConsumerGroupDemo> updateErrorStatus(
      ConsumerGroupDemo resource, Context<ConsumerGroupDemo> context, Exception e) {
    StatusDeriver deriver = new StatusDeriver(clock.instant());
    Optional<KafkaUnavailableException> unavailable = kafkaUnavailable(e);
    Optional<GroupWatch> group = services.groups().get(ResourceID.fromResource(resource));
    ConsumerGroupDemoStatus status = unavailable
        .map(u -> deriver.notReady(resource, "KafkaUnavailable", u.getMessage(), true, group))
        .orElseGet(() -> deriver.notReady(resource, "ReconcileFailed", rootMessage(e), false, group));
    // The topic may have been created before another dependent failed: that must not be forgotten.
    recordTopic(status, context);
    LOG.info("{}: {}", ResourceID.fromResource(resource), status.getConditions().get(0));
    return StatusWriter.writeOnError(resource, status, context);
  }

  /**
   * With {@code spec.topic.deleteWithResource}, deletes the topic and its audit if the operator created the topic
   * (as the status records), and keeps the finalizer until Kafka shows neither, so that a resource re-created
   * under the same name starts with a new topic and no old audit. A topic it did not create is kept.
   */
  @Override
  public DeleteControl cleanup(ConsumerGroupDemo resource, Context<ConsumerGroupDemo> context) {
    ResourceID id = ResourceID.fromResource(resource);
    if (validator.validate(resource).isEmpty()) {
      EffectiveSpec spec = EffectiveSpec.of(resource, services.defaults());
      // The topic in use is the one the status records: a refused rename (no CEL on the API server) names another.
      String topic = Optional.ofNullable(resource.getStatus()).map(ConsumerGroupDemoStatus::getTopic)
          .map(TopicStatus::getName).orElse(spec.topicName());
      boolean created = services.createdTopics().created(resource, topic);
      if (spec.deleteTopicWithResource() && created) {
        var admin = services.adminClients().acquire(id, spec.bootstrapServers());
        if (!new TopicOperations(spec.bootstrapServers(), admin).deleteWithAudit(topic)) {
          LOG.info("{}: waiting for Kafka to finish deleting topic {} and its audit", id, topic);
          return DeleteControl.noFinalizerRemoval().rescheduleAfter(TOPIC_DELETION_CHECK);
        }
        LOG.info("{}: deleted topic {} and its audit (spec.topic.deleteWithResource)", id, topic);
      } else if (spec.deleteTopicWithResource()) {
        LOG.info("{}: kept topic {} despite spec.topic.deleteWithResource: the operator did not create it", id, topic);
      }
    }
    services.createdTopics().forget(resource);
    services.groups().release(id);
    services.adminClients().release(id);
    if (chaosRunner != null) {
      chaosRunner.forget(id);
    }
    return DeleteControl.defaultDelete();
  }

  /** A classic member's session timeout outside the broker's bounds: the pods could never join. */
  private Optional<String> brokerRefused(ResourceID id, EffectiveSpec spec) {
    if (!EffectiveSpec.CLASSIC.equals(spec.protocol()) || spec.consumerKafkaProperties().isEmpty()) {
      return Optional.empty();
    }
    return sessionLimits.refused("spec.consumers.kafkaProperties", spec.consumerKafkaProperties(),
        spec.bootstrapServers(), services.adminClients().acquire(id, spec.bootstrapServers()));
  }

  private synchronized ChaosRunner chaos(Context<ConsumerGroupDemo> context) {
    if (chaosRunner == null) {
      chaosRunner = new ChaosRunner(context.getClient());
    }
    return chaosRunner;
  }

  /** Puts in the status whether the operator created the topic, as the topic dependent found it this time. */
  private static void recordTopic(ConsumerGroupDemoStatus status, Context<ConsumerGroupDemo> context) {
    var workflow = context.managedWorkflowAndDependentResourceContext();
    Optional<TopicState> state = workflow.get(TopicState.class, TopicState.class);
    Optional<Boolean> created = workflow.get(TopicDependent.CREATED_BY_OPERATOR, Boolean.class);
    if (state.isEmpty() || created.isEmpty()) {
      return;
    }
    TopicStatus topic = status.getTopic();
    if (topic == null || !state.get().name().equals(topic.getName())) {
      topic = new TopicStatus(state.get().name(), state.get().partitions(), state.get().replicationFactor());
      status.setTopic(topic);
    }
    topic.setCreatedByOperator(created.get());
  }

  private static String topicInUse(EffectiveSpec spec, ConsumerGroupDemo user) {
    String other = user.getMetadata().getNamespace() + "/" + user.getMetadata().getName();
    return "topic " + spec.topicName() + " at " + spec.bootstrapServers() + " is already used by ConsumerGroupDemo "
        + other + "; two demos on one topic would mix their records and delivery counts. Re-create this resource"
        + " with another spec.topic.name, or delete " + other + " (this one then uses the topic, as one the operator"
        + " did not create)";
  }

  /** The oldSelf of the CRD's transition rules: spec.topic as last accepted, null before the first time. */
  private static TopicSpec acceptedTopic(ConsumerGroupDemo resource) {
    return Optional.ofNullable(resource.getStatus())
        .map(ConsumerGroupDemoStatus::getAcceptedTopicSpec)
        .map(AcceptedTopicSpec::asTopicSpec)
        .orElse(null);
  }

  private static Optional<KafkaUnavailableException> kafkaUnavailable(Throwable e) {
    if (e instanceof AggregatedOperatorException aggregated) {
      return aggregated.getAggregatedExceptions().values().stream()
          .map(ConsumerGroupDemoReconciler::kafkaUnavailable)
          .flatMap(Optional::stream)
          .findFirst();
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KafkaUnavailableException k) {
        return Optional.of(k);
      }
      if (t instanceof AggregatedOperatorException && t != e) {
        return kafkaUnavailable(t);
      }
    }
    return Optional.empty();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
  }
}

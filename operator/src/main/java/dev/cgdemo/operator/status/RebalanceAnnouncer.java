package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoStatus;
import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.Rebalance;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides which rebalances get their Event: those that started after the last rebalance the status shows (what was
 * announced lives outside the status too, in the Events themselves, see {@link RebalanceEvents}); and those that
 * ended less than {@link #PAUSE_WAIT} ago, whose pauses may still be measured, to bring their messages up to date. The group's first
 * assignment is no rebalance to announce.
 */
public final class RebalanceAnnouncer {

  /** How long after a rebalance its Event follows the pauses measured (an idle topic never yields one). */
  public static final Duration PAUSE_WAIT = Duration.ofSeconds(30);

  private RebalanceAnnouncer() {
  }

  public static void announce(KubernetesClient client, ConsumerGroupDemo resource, ConsumerGroupDemoStatus previous,
      GroupHistory history, Instant now) {
    Instant announcedUpTo = previous == null || previous.getLastRebalance() == null
        || previous.getLastRebalance().getTime() == null ? null : Instant.parse(previous.getLastRebalance().getTime());
    List<Rebalance> rebalances = history.rebalances();
    for (Rebalance rebalance : rebalances) {
      if (rebalance.cause().equals("start")) {
        continue;
      }
      boolean isNew = announcedUpTo == null || rebalance.start().isAfter(announcedUpTo);
      // Pauses come in after the Event was written, also for a rebalance a newer one followed at once.
      boolean stillMeasuring = !isNew && now.isBefore(rebalance.end().plus(PAUSE_WAIT));
      if (isNew || stillMeasuring) {
        RebalanceEvents.record(client, resource, rebalance);
      }
    }
  }
}

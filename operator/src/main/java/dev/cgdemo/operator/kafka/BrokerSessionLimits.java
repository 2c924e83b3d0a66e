package dev.cgdemo.operator.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's bounds on a classic member's {@code session.timeout.ms} ({@code group.min.session.timeout.ms},
 * {@code group.max.session.timeout.ms}): a value outside them passes the client's own checks, but the broker
 * refuses the member's JoinGroup and the pods would fail on every start. Read from one broker with the Admin
 * client, at most once a minute per address.
 */
public final class BrokerSessionLimits {

  static final String MIN = "group.min.session.timeout.ms";
  static final String MAX = "group.max.session.timeout.ms";
  private static final Duration KEEP = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(BrokerSessionLimits.class);

  private record Limits(long min, long max, Instant read) {
  }

  private final Clock clock;
  private final Map<String, Limits> byAddress = new ConcurrentHashMap<>();

  public BrokerSessionLimits(Clock clock) {
    this.clock = clock;
  }

  /**
   * Why the broker at {@code bootstrapServers} would refuse {@code properties}' {@code session.timeout.ms} (a
   * sentence naming field, key, value and bounds); empty when it takes it, when it is not set, or when the
   * broker does not tell its bounds.
   *
   * @throws KafkaUnavailableException when Kafka does not answer
   */
  public Optional<String> refused(String field, Map<String, String> properties, String bootstrapServers, Admin admin) {
    String value = properties.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
    if (value == null) {
      return Optional.empty();
    }
    Optional<Limits> limits = limits(bootstrapServers, admin);
    long session = Long.parseLong(value.trim());
    return limits.filter(l -> session < l.min() || session > l.max())
        .map(l -> field + "." + ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG + "=" + value + " is refused by the broker at "
            + bootstrapServers + ": it takes " + l.min() + " to " + l.max() + " ms (" + MIN + ", " + MAX + ")");
  }

  private Optional<Limits> limits(String bootstrapServers, Admin admin) {
    Limits known = byAddress.get(bootstrapServers);
    Instant now = clock.instant();
    if (known != null && now.isBefore(known.read().plus(KEEP))) {
      return Optional.of(known);
    }
    try {
      Node broker = KafkaCalls.await(bootstrapServers, admin.describeCluster().nodes()).stream().findFirst()
          .orElse(null);
      if (broker == null) {
        return Optional.empty();
      }
      ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, broker.idString());
      Config config = KafkaCalls.await(bootstrapServers, admin.describeConfigs(List.of(resource)).all()).get(resource);
      ConfigEntry min = config.get(MIN);
      ConfigEntry max = config.get(MAX);
      if (min == null || max == null || min.value() == null || max.value() == null) {
        return Optional.empty();
      }
      Limits limits = new Limits(Long.parseLong(min.value()), Long.parseLong(max.value()), now);
      byAddress.put(bootstrapServers, limits);
      return Optional.of(limits);
    } catch (ApiException e) {
      // E.g. not allowed to describe the broker's configuration: the pods will tell, as before.
      LOG.info("Cannot read the session timeout bounds of the broker at {}: {}", bootstrapServers, e.getMessage());
      return Optional.empty();
    }
  }
}

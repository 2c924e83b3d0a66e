package dev.cgdemo.operator.kafka;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The operator's Kafka clients give up within seconds rather than Kafka's minutes: a reconcile or a status poll that
 * waits on an unreachable broker holds a worker thread and delays every other resource.
 */
public final class ShortTimeouts {

  private ShortTimeouts() {
  }

  public static Properties applyTo(Properties props) {
    props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
    props.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, "2000");
    props.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, "5000");
    props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
    return props;
  }
}

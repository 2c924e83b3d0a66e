package dev.cgdemo.operator.kafka;

/** Kafka at one bootstrap address could not be reached; the reconcile is retried with backoff. */
public class KafkaUnavailableException extends RuntimeException {

  public KafkaUnavailableException(String bootstrapServers, Throwable cause) {
    super("Kafka at " + bootstrapServers + " is unreachable (" + describe(cause)
        + "); check spec.bootstrapServers or the operator's --bootstrap-servers; retrying", cause);
  }

  private static String describe(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}

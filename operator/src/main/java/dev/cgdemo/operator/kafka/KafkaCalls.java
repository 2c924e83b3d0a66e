package dev.cgdemo.operator.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Waits for Admin futures, turning "could not reach Kafka" into {@link KafkaUnavailableException}. */
public final class KafkaCalls {

  private static final long TIMEOUT_SECONDS = 10;

  private KafkaCalls() {
  }

  /**
   * The future's value. Kafka's own answers (an {@link ApiException} that is not retriable, such as
   * "unknown topic") are rethrown as they are so callers can handle them.
   */
  public static <T> T await(String bootstrapServers, KafkaFuture<T> future) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException(bootstrapServers, e);
    } catch (TimeoutException e) {
      throw new KafkaUnavailableException(bootstrapServers, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UnknownTopicOrPartitionException unknown) {
        throw unknown; // retriable in Kafka's eyes, but here it is an answer: the topic is not there
      }
      if (cause instanceof ApiException api && !(api instanceof RetriableException)) {
        throw api;
      }
      throw new KafkaUnavailableException(bootstrapServers, cause == null ? e : cause);
    }
  }
}

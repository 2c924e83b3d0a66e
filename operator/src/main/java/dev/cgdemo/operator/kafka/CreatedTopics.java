package dev.cgdemo.operator.kafka;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.TopicStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which topic the operator created for which resource (by uid, so a resource re-created under the same name is
 * another one). The status records it ({@code status.topic.createdByOperator}) for restarts; this process also
 * remembers it, because a reconcile can read the resource before its own last status patch comes back through the
 * watch (JOSDK does not cache status patches), and would then take a topic it just created for one it found.
 */
public final class CreatedTopics {

  private final Map<String, String> topicByResource = new ConcurrentHashMap<>();

  /** Whether the operator created {@code topic} for {@code resource}, by the status or by this process's memory. */
  public boolean created(ConsumerGroupDemo resource, String topic) {
    TopicStatus recorded = resource.getStatus() == null ? null : resource.getStatus().getTopic();
    boolean inStatus = recorded != null && topic.equals(recorded.getName())
        && Boolean.TRUE.equals(recorded.getCreatedByOperator());
    return inStatus || topic.equals(topicByResource.get(key(resource)));
  }

  public void remember(ConsumerGroupDemo resource, String topic) {
    topicByResource.put(key(resource), topic);
  }

  public void forget(ConsumerGroupDemo resource) {
    topicByResource.remove(key(resource));
  }

  private static String key(ConsumerGroupDemo resource) {
    String uid = resource.getMetadata().getUid();
    return uid != null ? uid : resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }
}

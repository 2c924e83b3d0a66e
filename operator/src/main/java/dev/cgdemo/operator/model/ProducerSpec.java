package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import java.util.Map;

public class ProducerSpec {

  @JsonPropertyDescription("Run the keyed producer Deployment.")
  @Default("true")
  private Boolean enabled;

  @JsonPropertyDescription("Messages the producer sends per second.")
  @Min(1)
  @Default("5")
  private Integer messagesPerSecond;

  @JsonPropertyDescription("Distinct keys (user ids) the producer cycles through.")
  @Min(1)
  @Default("20")
  private Integer keys;

  @JsonPropertyDescription("Kafka producer settings for the producer pod, e.g. linger.ms: \"5\" (values are strings)." + " Settings the worker owns (client.id, acks, enable.idempotence, serializers, ...) are refused.")
  private Map<String, String> kafkaProperties;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getMessagesPerSecond() {
    return messagesPerSecond;
  }

  public void setMessagesPerSecond(Integer messagesPerSecond) {
    this.messagesPerSecond = messagesPerSecond;
  }

  public Integer getKeys() {
    return keys;
  }

  public void setKeys(Integer keys) {
    this.keys = keys;
  }

  public Map<String, String> getKafkaProperties() {
    return kafkaProperties;
  }

  public void setKafkaProperties(Map<String, String> kafkaProperties) {
    this.kafkaProperties = kafkaProperties;
  }
}

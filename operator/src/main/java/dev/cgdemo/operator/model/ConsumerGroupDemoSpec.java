package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

public class ConsumerGroupDemoSpec {

  @JsonPropertyDescription("Kafka bootstrap servers; the operator's default when absent.")
  private String bootstrapServers;

  @JsonPropertyDescription("Worker image for the consumer and producer pods; the operator's default when absent.")
  private String workerImage;

  @Required
  private TopicSpec topic = new TopicSpec();

  @Required
  private ConsumersSpec consumers = new ConsumersSpec();

  private ProducerSpec producer = new ProducerSpec();

  @JsonPropertyDescription("A rebalance schedule on this resource's consumers; off when absent.")
  private ChaosSpec chaos;

  public String getBootstrapServers() {
    return bootstrapServers;
  }

  public void setBootstrapServers(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public String getWorkerImage() {
    return workerImage;
  }

  public void setWorkerImage(String workerImage) {
    this.workerImage = workerImage;
  }

  public TopicSpec getTopic() {
    return topic;
  }

  public void setTopic(TopicSpec topic) {
    this.topic = topic;
  }

  public ConsumersSpec getConsumers() {
    return consumers;
  }

  public void setConsumers(ConsumersSpec consumers) {
    this.consumers = consumers;
  }

  public ProducerSpec getProducer() {
    return producer;
  }

  public void setProducer(ProducerSpec producer) {
    this.producer = producer;
  }

  public ChaosSpec getChaos() {
    return chaos;
  }

  public void setChaos(ChaosSpec chaos) {
    this.chaos = chaos;
  }
}

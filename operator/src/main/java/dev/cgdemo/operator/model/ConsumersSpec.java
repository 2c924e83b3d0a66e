package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;
import java.util.Map;

@ValidationRule(
    value = ConsumersSpec.ASSIGNOR_FITS_PROTOCOL,
    message = "assignor must fit the protocol: classic takes range, roundrobin, sticky or"
        + " cooperative-sticky; consumer takes uniform or range")
public class ConsumersSpec {

  static final String ASSIGNOR_FITS_PROTOCOL =
      "!has(self.assignor) || ((has(self.protocol) && self.protocol == 'consumer')"
          + " ? self.assignor in ['uniform', 'range']"
          + " : self.assignor in ['range', 'roundrobin', 'sticky', 'cooperative-sticky'])";

  @JsonPropertyDescription("Number of consumer pods; what `kubectl scale` changes.")
  @Required
  @Min(0)
  @SpecReplicas
  private Integer replicas;

  @JsonPropertyDescription("Consumer group id; defaults to <name>-group.")
  private String groupId;

  @JsonPropertyDescription("Rebalance protocol: classic, or consumer (KIP-848).")
  @SchemaFrom(type = Protocol.class)
  @Default("classic")
  private String protocol;

  @JsonPropertyDescription("Partition assignor. classic: range|roundrobin|sticky|cooperative-sticky"
      + " (default cooperative-sticky); consumer: uniform|range (default uniform).")
  @SchemaFrom(type = Assignor.class)
  private String assignor;

  @JsonPropertyDescription("Use the pod name as group.instance.id (static membership).")
  @Default("false")
  private Boolean staticMembership;

  @JsonPropertyDescription("Milliseconds each consumer spends on a record.")
  @Min(0)
  @Default("0")
  private Integer processingDelayMs;

  @JsonPropertyDescription("Kafka consumer settings for the consumer pods, e.g. session.timeout.ms: \"6000\" (values are strings)." + " Settings the worker owns (group.id, client.id, group.instance.id, enable.auto.commit, deserializers, ...)" + " are refused.")
  private Map<String, String> kafkaProperties;

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public String getGroupId() {
    return groupId;
  }

  public void setGroupId(String groupId) {
    this.groupId = groupId;
  }

  public String getProtocol() {
    return protocol;
  }

  public void setProtocol(String protocol) {
    this.protocol = protocol;
  }

  public String getAssignor() {
    return assignor;
  }

  public void setAssignor(String assignor) {
    this.assignor = assignor;
  }

  public Boolean getStaticMembership() {
    return staticMembership;
  }

  public void setStaticMembership(Boolean staticMembership) {
    this.staticMembership = staticMembership;
  }

  public Integer getProcessingDelayMs() {
    return processingDelayMs;
  }

  public void setProcessingDelayMs(Integer processingDelayMs) {
    this.processingDelayMs = processingDelayMs;
  }

  public Map<String, String> getKafkaProperties() {
    return kafkaProperties;
  }

  public void setKafkaProperties(Map<String, String> kafkaProperties) {
    this.kafkaProperties = kafkaProperties;
  }
}

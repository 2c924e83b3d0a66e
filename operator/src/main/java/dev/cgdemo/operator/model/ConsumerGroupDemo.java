package dev.cgdemo.operator.model;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A topic, a keyed producer and N consumers whose group rebalancing the status shows. */
@Group(ConsumerGroupDemo.GROUP)
@Version(ConsumerGroupDemo.VERSION)
@Kind("ConsumerGroupDemo")
@Singular("consumergroupdemo")
@Plural("consumergroupdemos")
@ShortNames("cgd")
@AdditionalPrinterColumn(name = "TOPIC", jsonPath = ".status.topic.name", type = Type.STRING)
@AdditionalPrinterColumn(name = "PARTITIONS", jsonPath = ".status.topic.partitions", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "CONSUMERS", jsonPath = ".spec.consumers.replicas", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "MEMBERS", jsonPath = ".status.group.members", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "STATE", jsonPath = ".status.group.state", type = Type.STRING)
@AdditionalPrinterColumn(name = "LAG", jsonPath = ".status.totalLag", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "REBALANCES", jsonPath = ".status.rebalances", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "READY", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = Type.STRING)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class ConsumerGroupDemo extends CustomResource<ConsumerGroupDemoSpec, ConsumerGroupDemoStatus>
    implements Namespaced {

  public static final String GROUP = "cgdemo.dev";
  public static final String VERSION = "v1alpha1";
}

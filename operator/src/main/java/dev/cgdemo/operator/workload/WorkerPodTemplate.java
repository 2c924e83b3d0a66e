package dev.cgdemo.operator.workload;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.javaoperatorsdk.operator.ReconcilerUtils;
import java.util.List;
import java.util.Map;

/** The worker pod from {@code worker-pod.yaml}, with what varies per resource filled in. */
final class WorkerPodTemplate {

  private WorkerPodTemplate() {
  }

  static PodTemplateSpec build(Map<String, String> labels, String image, String command, List<EnvVar> env) {
    PodTemplateSpec template = ReconcilerUtils.loadYaml(PodTemplateSpec.class, WorkerPodTemplate.class, "worker-pod.yaml");
    return new PodTemplateSpecBuilder(template)
        .editMetadata().addToLabels(labels).endMetadata()
        .editSpec()
        .editFirstContainer()
        .withName(labels.get(Labels.COMPONENT))
        .withImage(image)
        .withArgs(command)
        .withEnv(env)
        .endContainer()
        .endSpec()
        .build();
  }
}

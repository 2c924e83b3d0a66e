package dev.cgdemo.operator.crd;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code x-kubernetes-validations} rule of the CRD the build generated, read from the YAML itself so that
 * what is tested is what a cluster gets, and the verdict of all of them on a create or an update.
 */
final class CrdValidationRules {

  static final String GENERATED_CRD = "/META-INF/fabric8/consumergroupdemos.cgdemo.dev-v1.yml";

  /** A rule that refused a change. */
  record Violation(CrdValidationRule rule) {
    String location() {
      return rule.location();
    }
  }

  private final JSONSchemaProps rootSchema;
  private final List<CrdValidationRule> rules;

  private CrdValidationRules(JSONSchemaProps rootSchema, List<CrdValidationRule> rules) {
    this.rootSchema = rootSchema;
    this.rules = List.copyOf(rules);
  }

  static CrdValidationRules ofGeneratedCrd() {
    try (InputStream in = CrdValidationRules.class.getResourceAsStream(GENERATED_CRD)) {
      if (in == null) {
        throw new IllegalStateException(GENERATED_CRD + " is not on the classpath (generated in process-classes)");
      }
      CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
      if (crd.getSpec().getVersions().size() != 1) {
        throw new IllegalStateException("one CRD version expected, found " + crd.getSpec().getVersions().size());
      }
      JSONSchemaProps root = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
      List<CrdValidationRule> rules = new ArrayList<>();
      collect(root, new ArrayList<>(), rules);
      return new CrdValidationRules(root, rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<CrdValidationRule> rules() {
    return rules;
  }

  /** The object as the rules see it: nulls dropped, schema defaults applied. */
  Map<String, Object> asStored(Object resource) {
    return KubernetesObjectValues.of(resource, rootSchema);
  }

  /** The rules that refuse {@code newResource}, created ({@code oldResource} null) or updated from {@code oldResource}. */
  List<Violation> violations(Object oldResource, Object newResource) {
    Map<String, Object> oldObject = oldResource == null ? null : asStored(oldResource);
    Map<String, Object> newObject = asStored(newResource);
    return rules.stream()
        .filter(rule -> rule.accepts(oldObject, newObject).equals(Optional.of(false)))
        .map(Violation::new)
        .toList();
  }

  private static void collect(JSONSchemaProps schema, List<String> path, List<CrdValidationRule> into) {
    for (ValidationRule rule : schema.getXKubernetesValidations() == null ? List.<ValidationRule>of() : schema.getXKubernetesValidations()) {
      into.add(new CrdValidationRule(path, schema, rule.getRule(), rule.getMessage()));
    }
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((field, child) -> {
        List<String> childPath = new ArrayList<>(path);
        childPath.add(field);
        collect(child, childPath, into);
      });
    }
    if (schema.getItems() != null && schema.getItems().getSchema() != null && hasRules(schema.getItems().getSchema())) {
      throw new IllegalStateException("a rule below the list at " + String.join(".", path)
          + ": this harness does not evaluate list items yet (Kubernetes correlates them only in map lists and sets)");
    }
    if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null
        && hasRules(schema.getAdditionalProperties().getSchema())) {
      throw new IllegalStateException("a rule below the map at " + String.join(".", path) + ": not evaluated by this harness");
    }
  }

  private static boolean hasRules(JSONSchemaProps schema) {
    boolean here = schema.getXKubernetesValidations() != null && !schema.getXKubernetesValidations().isEmpty();
    boolean inProperties = schema.getProperties() != null
        && schema.getProperties().values().stream().anyMatch(CrdValidationRules::hasRules);
    boolean inItems = schema.getItems() != null && schema.getItems().getSchema() != null
        && hasRules(schema.getItems().getSchema());
    return here || inProperties || inItems;
  }
}

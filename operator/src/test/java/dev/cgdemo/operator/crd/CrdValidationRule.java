package dev.cgdemo.operator.crd;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code x-kubernetes-validations} rule of the CRD, compiled with CEL, at its place in the schema. It is run
 * as Kubernetes runs it: {@code self} is the value at that place, {@code oldSelf} the stored one; a rule whose
 * value is absent is not run, and a transition rule (one that names {@code oldSelf}) runs only when both exist.
 *
 * <p>{@code self} is typed from the schema where CEL has the type (integer, string, boolean, number, list);
 * an object is a {@code map(string, dyn)}, where Kubernetes has a struct type of its own.
 */
final class CrdValidationRule {

  private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private final List<String> path;
  private final String rule;
  private final String message;
  private final boolean transition;
  private final CelRuntime.Program program;

  CrdValidationRule(List<String> path, JSONSchemaProps schema, String rule, String message) {
    this.path = List.copyOf(path);
    this.rule = rule;
    this.message = message;
    this.transition = OLD_SELF.matcher(rule).find();
    CelType type = celType(schema);
    CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS) // has(), all(), exists(), ... as in Kubernetes
        .addVar("self", type)
        .addVar("oldSelf", type)
        .setResultType(SimpleType.BOOL)
        .build();
    try {
      CelAbstractSyntaxTree ast = compiler.compile(rule).getAst();
      this.program = RUNTIME.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("rule at " + location() + " does not compile: " + rule + "\n" + e.getMessage(), e);
    }
  }

  /** Dotted path of the schema node the rule sits on, such as {@code spec.topic}. */
  String location() {
    return String.join(".", path);
  }

  String rule() {
    return rule;
  }

  String message() {
    return message;
  }

  /**
   * Whether the rule accepts the change from {@code oldObject} (null on create) to {@code newObject}; empty when
   * Kubernetes would not run it for this pair. An evaluation error is a broken rule and is thrown.
   */
  Optional<Boolean> accepts(Map<String, Object> oldObject, Map<String, Object> newObject) {
    Object self = KubernetesObjectValues.at(newObject, path);
    Object oldSelf = oldObject == null ? null : KubernetesObjectValues.at(oldObject, path);
    if (self == null || (transition && oldSelf == null)) {
      return Optional.empty();
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("self", self);
    if (oldSelf != null) {
      variables.put("oldSelf", oldSelf);
    }
    try {
      return Optional.of((Boolean) program.eval(variables));
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("rule at " + location() + " failed on self=" + self + ", oldSelf=" + oldSelf
          + ": " + rule, e);
    }
  }

  @Override
  public String toString() {
    return location() + ": " + rule;
  }

  private static CelType celType(JSONSchemaProps schema) {
    if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString()) || schema.getType() == null) {
      return SimpleType.DYN;
    }
    return switch (schema.getType()) {
      case "integer" -> SimpleType.INT;
      case "number" -> SimpleType.DOUBLE;
      case "string" -> SimpleType.STRING;
      case "boolean" -> SimpleType.BOOL;
      case "array" -> ListType.create(schema.getItems() == null || schema.getItems().getSchema() == null
          ? SimpleType.DYN : celType(schema.getItems().getSchema()));
      case "object" -> MapType.create(SimpleType.STRING, SimpleType.DYN);
      default -> SimpleType.DYN;
    };
  }
}

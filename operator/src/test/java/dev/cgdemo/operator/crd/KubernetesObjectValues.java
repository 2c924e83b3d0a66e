package dev.cgdemo.operator.crd;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object as the API server hands it to the CRD's CEL rules: null fields dropped (the schema declares none
 * nullable, so Kubernetes prunes them), the schema's defaults filled in (defaulting runs before validation, on the
 * stored old object as on the new one), and numbers as CEL has them (integers are {@code long}).
 */
final class KubernetesObjectValues {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private KubernetesObjectValues() {
  }

  static Map<String, Object> of(Object resource, JSONSchemaProps rootSchema) {
    Map<String, Object> raw = Serialization.jsonMapper().convertValue(resource, MAP);
    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) withDefaults(celValue(raw), rootSchema);
    return value;
  }

  /** The value at {@code path} below {@code root}, or null where a field on the way is absent. */
  static Object at(Map<String, Object> root, List<String> path) {
    Object current = root;
    for (String field : path) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(field)) {
        return null;
      }
      current = map.get(field);
    }
    return current;
  }

  private static Object celValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, child) -> {
        if (child != null) {
          copy.put((String) key, celValue(child));
        }
      });
      return copy;
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(KubernetesObjectValues::celValue).toList());
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  private static Object withDefaults(Object value, JSONSchemaProps schema) {
    if (schema == null) {
      return value;
    }
    if (value instanceof Map<?, ?> map && schema.getProperties() != null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      schema.getProperties().forEach((field, fieldSchema) -> {
        if (!object.containsKey(field) && fieldSchema.getDefault() != null) {
          object.put(field, celValue(Serialization.jsonMapper().convertValue(fieldSchema.getDefault(), Object.class)));
        }
        if (object.containsKey(field)) {
          object.put(field, withDefaults(object.get(field), fieldSchema));
        }
      });
    } else if (value instanceof List<?> list && schema.getItems() != null && schema.getItems().getSchema() != null) {
      return new ArrayList<>(list.stream().map(item -> withDefaults(item, schema.getItems().getSchema())).toList());
    }
    return value;
  }
}

package org.dpgfed.harvester.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.dpgfed.harvester.model.FieldError;

/**
 * The part of OpenAPI 3.0 schemas the API document uses: {@code $ref}, types, {@code required},
 * {@code properties} with {@code additionalProperties: false}, {@code pattern}, lengths, item
 * counts and number ranges. Every failure names the field (a dotted path) it concerns.
 */
final class Schema {
  private final JsonNode document;

  Schema(JsonNode document) {
    this.document = document;
  }

  List<FieldError> check(JsonNode schema, JsonNode value, String field) {
    List<FieldError> errors = new ArrayList<>();
    check(resolve(schema), value, field, errors);
    return errors;
  }

  JsonNode resolve(JsonNode schema) {
    JsonNode node = schema;
    while (node.has("$ref")) {
      node = document.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  private void check(JsonNode schema, JsonNode value, String field, List<FieldError> errors) {
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> object(schema, value, field, errors);
      case "array" -> array(schema, value, field, errors);
      case "string" -> string(schema, value, field, errors);
      case "integer" -> integer(schema, value, field, errors);
      case "boolean" -> {
        if (!value.isBoolean()) {
          errors.add(new FieldError(field, "must be true or false"));
        }
      }
      default -> { }
    }
  }

  private void object(JsonNode schema, JsonNode value, String field, List<FieldError> errors) {
    if (!value.isObject()) {
      errors.add(new FieldError(field, "must be a JSON object"));
      return;
    }
    JsonNode properties = schema.path("properties");
    schema.path("required").forEach(name -> {
      if (!value.has(name.asText()) || value.get(name.asText()).isNull()) {
        errors.add(new FieldError(join(field, name.asText()), "is required"));
      }
    });
    Iterator<String> names = value.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (properties.has(name)) {
        if (!value.get(name).isNull()) {
          check(resolve(properties.get(name)), value.get(name), join(field, name), errors);
        }
      } else if (schema.path("additionalProperties").asBoolean(true) == false) {
        errors.add(new FieldError(join(field, name), "unknown field"));
      }
    }
  }

  private void array(JsonNode schema, JsonNode value, String field, List<FieldError> errors) {
    if (!value.isArray()) {
      errors.add(new FieldError(field, "must be a JSON array"));
      return;
    }
    if (value.size() < schema.path("minItems").asInt(0) || value.size() > schema.path("maxItems").asInt(Integer.MAX_VALUE)) {
      errors.add(new FieldError(field, "must have from " + schema.path("minItems").asInt(0) + " to "
          + schema.path("maxItems").asInt(Integer.MAX_VALUE) + " items"));
      return;
    }
    JsonNode items = resolve(schema.path("items"));
    for (int i = 0; i < value.size(); i++) {
      check(items, value.get(i), field + "[" + i + "]", errors);
    }
  }

  private static void string(JsonNode schema, JsonNode value, String field, List<FieldError> errors) {
    if (!value.isTextual()) {
      errors.add(new FieldError(field, "must be a string"));
      return;
    }
    String text = value.asText();
    int length = text.codePointCount(0, text.length());
    if (length < schema.path("minLength").asInt(0) || length > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
      errors.add(new FieldError(field, "must have from " + schema.path("minLength").asInt(0) + " to "
          + schema.path("maxLength").asInt(Integer.MAX_VALUE) + " characters"));
    } else if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
      errors.add(new FieldError(field, "must match " + schema.get("pattern").asText()));
    }
  }

  private static void integer(JsonNode schema, JsonNode value, String field, List<FieldError> errors) {
    long min = schema.path("minimum").asLong(Long.MIN_VALUE);
    long max = schema.path("maximum").asLong(Long.MAX_VALUE);
    if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
    }
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }
}

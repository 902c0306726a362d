package org.dpgfed.harvester.web.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.dpgfed.harvester.model.FieldError;
import org.dpgfed.harvester.model.InvalidInputException;
import org.dpgfed.harvester.web.HttpError;

/**
 * The operators' API as {@code openapi/openapi.yaml} describes it: served at
 * {@code /api/openapi.yaml}, and every request checked against it before its handler runs (path
 * and query parameters, unknown parameters, the body's media type and schema).
 */
public final class ApiContract {
  private static final String RESOURCE = "/openapi/openapi.yaml";
  private static final String BODY_ERRORS = "dpg.bodyErrors";
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final byte[] text;
  private final JsonNode document;
  private final Schema schemas;

  private ApiContract(byte[] text, JsonNode document) {
    this.text = text;
    this.document = document;
    this.schemas = new Schema(document);
  }

  public static ApiContract load() {
    try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
      byte[] text = in.readAllBytes();
      return new ApiContract(text, new ObjectMapper(new YAMLFactory()).readTree(text));
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the jar lacks a readable " + RESOURCE, e);
    }
  }

  /** {@code GET /api/openapi.yaml}. */
  public void serve(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
        .end(io.vertx.core.buffer.Buffer.buffer(text));
  }

  /** Every operation as {@code "METHOD /path/{param}"}. */
  public Set<String> operations() {
    Set<String> operations = new TreeSet<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (!method.equals("parameters")) {
        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));
    return operations;
  }

  /** Checks the request against the operation its route names; a route the document lacks is a server bug. */
  public void validate(RoutingContext ctx) {
    String path = ctx.currentRoute().getPath().replaceAll(":([A-Za-z]+)", "{$1}");
    JsonNode pathItem = document.path("paths").path(path);
    JsonNode operation = pathItem.path(ctx.request().method().name().toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      throw new IllegalStateException("the API document lacks " + ctx.request().method() + " " + path);
    }
    List<FieldError> errors = new ArrayList<>();
    List<JsonNode> parameters = new ArrayList<>();
    pathItem.path("parameters").forEach(p -> parameters.add(schemas.resolve(p)));
    operation.path("parameters").forEach(p -> parameters.add(schemas.resolve(p)));
    checkPath(ctx, parameters, errors);
    checkQuery(queryParams(ctx), parameters, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    checkBody(ctx, operation.path("requestBody"), errors);
    if (!errors.isEmpty() && operation.path("x-handler-checks-too").asBoolean(false) && bodyIsObject(ctx)) {
      ctx.put(BODY_ERRORS, List.copyOf(errors));
    } else if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    ctx.next();
  }

  /**
   * For operations marked {@code x-handler-checks-too}: runs the handler's own checks, and refuses
   * the request naming every bad field the document's checks and the handler's checks found.
   */
  public static <T> T withBodyErrors(RoutingContext ctx, java.util.function.Supplier<T> check) {
    List<FieldError> found = ctx.get(BODY_ERRORS, List.of());
    List<FieldError> all = new ArrayList<>(found);
    try {
      T checked = check.get();
      if (found.isEmpty()) {
        return checked;
      }
    } catch (InvalidInputException e) {
      e.errors().stream().filter(error -> found.stream().noneMatch(f -> f.field().equals(error.field())))
          .forEach(all::add);
    }
    throw new InvalidInputException(all);
  }

  private static boolean bodyIsObject(RoutingContext ctx) {
    try {
      return ctx.body().buffer() != null && JSON.readTree(ctx.body().buffer().toString(StandardCharsets.UTF_8)).isObject();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private void checkPath(RoutingContext ctx, List<JsonNode> parameters, List<FieldError> errors) {
    for (JsonNode parameter : parameters) {
      if (parameter.path("in").asText().equals("path")) {
        String name = parameter.path("name").asText();
        errors.addAll(schemas.check(parameter.path("schema"), TextNode.valueOf(ctx.pathParam(name)), name));
      }
    }
  }

  private void checkQuery(MultiMap query, List<JsonNode> parameters, List<FieldError> errors) {
    Set<String> known = new TreeSet<>();
    for (JsonNode parameter : parameters) {
      String name = parameter.path("name").asText();
      if (!parameter.path("in").asText().equals("query")) {
        continue;
      }
      known.add(name);
      List<String> values = query.getAll(name);
      if (values.size() > 1) {
        errors.add(new FieldError(name, "give it once"));
      } else if (values.size() == 1) {
        errors.addAll(schemas.check(parameter.path("schema"), queryValue(parameter, values.get(0)), name));
      }
    }
    query.names().stream().filter(name -> !known.contains(name)).sorted()
        .forEach(name -> errors.add(new FieldError(name, "unknown parameter")));
  }

  /** Query values are text; an integer parameter is read as a number first. */
  private JsonNode queryValue(JsonNode parameter, String value) {
    if (schemas.resolve(parameter.path("schema")).path("type").asText().equals("integer") && value.matches("-?[0-9]{1,18}")) {
      return JSON.getNodeFactory().numberNode(Long.parseLong(value));
    }
    return TextNode.valueOf(value);
  }

  private void checkBody(RoutingContext ctx, JsonNode requestBody, List<FieldError> errors) {
    boolean empty = ctx.body() == null || ctx.body().length() <= 0;
    if (requestBody.isMissingNode()) {
      if (!empty) {
        errors.add(new FieldError("", "this call takes no body"));
      }
      return;
    }
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.split(";")[0].trim().equalsIgnoreCase("application/json")) {
      throw new HttpError(415, "send the body as application/json");
    }
    if (empty) {
      errors.add(new FieldError("", "the body must be a JSON object"));
      return;
    }
    try {
      JsonNode body = JSON.readTree(ctx.body().buffer().toString(StandardCharsets.UTF_8));
      errors.addAll(schemas.check(requestBody.path("content").path("application/json").path("schema"), body, ""));
    } catch (JsonProcessingException e) {
      errors.add(new FieldError("", "the body is not valid JSON: " + e.getOriginalMessage()));
    }
  }

  static MultiMap queryParams(RoutingContext ctx) {
    try {
      return ctx.queryParams();
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("", "the query string is not well formed");
    }
  }
}

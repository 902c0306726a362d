package org.dpgfed.harvester.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the settings: the bundled defaults, then a file, then the environment. Unknown keys and
 * bad values stop start-up with a message naming the key.
 */
public final class ConfigLoader {
  /** Short environment names the contract promises, besides the long {@code DPG_A_B_C} form. */
  private static final Map<String, String> SHORT_NAMES = Map.of(
      "DPG_PUBLIC_BASE_URL", "http.publicBaseUrl",
      "DPG_DATA_DIR", "store.dataDir",
      "DPG_ADMIN_TOKEN", "auth.adminToken",
      "DPG_ALLOW_PRIVATE_NETWORKS", "harvest.allowPrivateNetworks");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {}

  /** The bundled defaults alone, with no sources. */
  public static Config defaults() {
    return load(null, Map.of());
  }

  /**
   * @param file the configuration file, or null for defaults alone
   * @param env the environment (System.getenv() in production)
   */
  public static Config load(Path file, Map<String, String> env) {
    ObjectNode tree = defaultTree();
    tree.remove("sources");
    JsonNode sources = null;
    Map<String, String> origins = new java.util.HashMap<>();
    if (file != null) {
      ObjectNode given = readFile(file);
      sources = given.remove("sources");
      merge(tree, given, "", file.getFileName().toString(), origins);
    }
    applyEnvironment(tree, env, origins);
    Path dir = file == null ? Path.of(".").toAbsolutePath() : file.toAbsolutePath().getParent();
    return new ConfigBinder(tree, origins).bind(sourceList(sources, file), dir);
  }

  static ObjectNode defaultTree() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/defaults/harvester.yaml")) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks defaults/harvester.yaml");
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("bundled defaults unreadable", e);
    }
  }

  private static ObjectNode readFile(Path file) {
    try {
      JsonNode node = YAML.readTree(Files.readAllBytes(file));
      if (node == null || node.isMissingNode() || node.isNull()) {
        return YAML.createObjectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException(file + ": the top level must be a mapping of settings");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      throw new ConfigException(file + ": not valid YAML: " + message
          + (message != null && message.contains("line ") ? "" : location(e)));
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage());
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
        + ", column " + e.getLocation().getColumnNr() + ")";
  }

  /** Copies given values over defaults; a key the defaults lack is a typo, and says so. */
  private static void merge(ObjectNode target, ObjectNode given, String prefix, String origin,
      Map<String, String> origins) {
    Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix + field.getKey();
      JsonNode current = target.get(field.getKey());
      if (current == null) {
        throw new ConfigException(origin + ": unknown setting '" + key + "'");
      }
      if (current.isObject()) {
        if (!field.getValue().isObject()) {
          throw new ConfigException(origin + ": setting '" + key + "' must be a mapping of settings");
        }
        merge((ObjectNode) current, (ObjectNode) field.getValue(), key + ".", origin, origins);
      } else {
        target.set(field.getKey(), field.getValue());
        origins.put(key, origin);
      }
    }
  }

  private static void applyEnvironment(ObjectNode tree, Map<String, String> env, Map<String, String> origins) {
    SHORT_NAMES.forEach((variable, key) -> {
      if (env.containsKey(variable)) {
        set(tree, key, env.get(variable));
        origins.put(key, "environment variable " + variable);
      }
    });
    for (String key : leafKeys(tree, "")) {
      String variable = environmentName(key);
      if (env.containsKey(variable)) {
        set(tree, key, env.get(variable));
        origins.put(key, "environment variable " + variable);
      }
    }
  }

  /** {@code http.publicBaseUrl} becomes {@code DPG_HTTP_PUBLIC_BASE_URL}. */
  public static String environmentName(String key) {
    return "DPG_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
  }

  static List<String> leafKeys(ObjectNode tree, String prefix) {
    List<String> keys = new ArrayList<>();
    tree.fields().forEachRemaining(e -> {
      if (e.getValue().isObject()) {
        keys.addAll(leafKeys((ObjectNode) e.getValue(), prefix + e.getKey() + "."));
      } else {
        keys.add(prefix + e.getKey());
      }
    });
    return keys;
  }

  private static void set(ObjectNode tree, String key, String value) {
    String[] parts = key.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      node = (ObjectNode) node.get(parts[i]);
    }
    node.put(parts[parts.length - 1], value);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> sourceList(JsonNode sources, Path file) {
    if (sources == null || sources.isNull()) {
      return List.of();
    }
    if (!sources.isArray()) {
      throw new ConfigException(file.getFileName() + ": 'sources' must be a list of sources");
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (JsonNode source : sources) {
      if (!source.isObject()) {
        throw new ConfigException(file.getFileName() + ": each entry of 'sources' must be a mapping");
      }
      list.add(YAML.convertValue(source, Map.class));
    }
    return list;
  }
}

package org.dpgfed.harvester.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Turns the merged settings tree into checked records; every message names the key at fault. */
final class ConfigBinder {
  private final JsonNode tree;
  private final Map<String, String> origins;

  /** @param origins where each key's value came from, when not from the defaults */
  ConfigBinder(JsonNode tree, Map<String, String> origins) {
    this.tree = tree;
    this.origins = origins;
  }

  Config bind(List<Map<String, Object>> sources, Path configDir) {
    Config.Http http = new Config.Http(
        integer("http.port", 0, 65535), text("http.host"), baseUrl("http.publicBaseUrl"),
        positiveLong("http.maxBodyBytes"));
    Config.Store store = new StoreSettings(this).bind();
    Config.Auth auth = new Config.Auth(text("auth.adminToken"));
    Config.Sparql sparql = new Config.Sparql(
        duration("sparql.timeout"), integer("sparql.maxRows", 1, Integer.MAX_VALUE),
        integer("sparql.workers", 1, 256), integer("sparql.maxQueryLength", 1, Integer.MAX_VALUE),
        integer("sparql.maxConcurrent", 0, 1024), duration("sparql.clientBudget"), peers("sparql.federationPeers"));
    Config.Harvest harvest = new Config.Harvest(
        bool("harvest.allowPrivateNetworks"), duration("harvest.connectTimeout"),
        duration("harvest.firstByteTimeout"), duration("harvest.totalTimeout"),
        integer("harvest.maxAttempts", 1, 100), duration("harvest.retryDelay"),
        positiveLong("harvest.maxBodyBytes"), integer("harvest.maxRedirects", 0, 20),
        duration("harvest.minSchedule"), integer("harvest.workers", 1, 256),
        integer("harvest.staleAfterFailures", 1, 1000), integer("harvest.staleAfterSchedules", 1, 1000),
        integer("harvest.runHistory", 1, 100000), nonEmpty("harvest.userAgent"), hosts("harvest.allowedHosts"),
        share("harvest.maxRemovedShare"), duration("harvest.runTimeout"));
    Config.Node node = new Config.Node(
        text("node.title"), text("node.description"), text("node.publisher"),
        email("node.contactEmail"), iriOrEmpty("node.dataLicense"), integer("node.feedPageSize", 1, 10_000),
        duration("node.shutdownTimeout"));
    Config.Log log = new Config.Log(oneOf("log.format", "text", "json"));
    Config.Privacy privacy = new Config.Privacy(bool("privacy.storeContacts"));
    Config.Cluster cluster = new StoreSettings(this).cluster(store);
    return new Config(http, store, auth, sparql, harvest, node, log, privacy, cluster, sources, configDir);
  }

  String text(String key) {
    JsonNode node = node(key);
    return node.isNull() || node.isMissingNode() ? "" : node.asText().trim();
  }

  JsonNode node(String key) {
    JsonNode node = tree;
    for (String part : key.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  ConfigException bad(String key, String allowed) {
    String origin = origins.getOrDefault(key, "the defaults");
    return new ConfigException("setting '" + key + "' is '" + text(key) + "' (from " + origin + "); allowed: "
        + allowed + " (override with the environment variable " + ConfigLoader.environmentName(key) + ")");
  }

  String nonEmpty(String key) {
    String value = text(key);
    if (value.isEmpty()) {
      throw bad(key, "any non-empty text");
    }
    return value;
  }

  String oneOf(String key, String... allowed) {
    String value = text(key);
    if (java.util.Arrays.asList(allowed).contains(value)) {
      return value;
    }
    throw bad(key, String.join(" or ", allowed));
  }

  int integer(String key, int min, int max) {
    try {
      int value = Integer.parseInt(text(key));
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(key, "a whole number from " + min + " to " + max);
  }

  private long positiveLong(String key) {
    try {
      long value = Long.parseLong(text(key));
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(key, "a whole number above 0");
  }

  private double share(String key) {
    try {
      double value = Double.parseDouble(text(key));
      if (value >= 0 && value <= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(key, "a number from 0 to 1, such as 0.5");
  }

  private List<String> hosts(String key) {
    List<String> hosts = java.util.Arrays.stream(text(key).split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
    for (String host : hosts) {
      if (!host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
        throw bad(key, "empty, or host names separated by commas, such as registry.intranet,10.1.2.3");
      }
    }
    return hosts;
  }

  boolean bool(String key) {
    String value = text(key);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw bad(key, "true or false");
  }

  Duration duration(String key) {
    try {
      Duration value = Duration.parse(text(key));
      if (!value.isNegative() && !value.isZero()) {
        return value;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw bad(key, "a positive ISO-8601 duration such as PT30S or PT10M");
  }

  private String email(String key) {
    String value = text(key);
    if (value.isEmpty() || value.matches("[^@\\s]+@[^@\\s]+")) {
      return value;
    }
    throw bad(key, "empty, or an e-mail address");
  }

  private String iriOrEmpty(String key) {
    String value = text(key);
    if (value.isEmpty() || value.matches("[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s<>\"{}|^`\\\\]+")) {
      return value;
    }
    throw bad(key, "empty, or an absolute IRI such as http://spdx.org/licenses/CC0-1.0");
  }

  /** A YAML list, or (from the environment) URLs separated by commas or spaces. */
  private List<String> peers(String key) {
    JsonNode node = tree.path("sparql").path("federationPeers");
    List<String> urls = new java.util.ArrayList<>();
    if (node.isArray()) {
      node.forEach(url -> urls.add(url.asText().trim()));
    } else if (!text(key).isEmpty()) {
      urls.addAll(List.of(text(key).split("[,\\s]+")));
    }
    for (String url : urls) {
      if (!url.matches("https?://[^\\s/?#]+(/[^\\s#]*)?")) {
        throw bad(key, "a list of absolute http(s) URLs of SPARQL endpoints");
      }
    }
    return urls;
  }

  private String baseUrl(String key) {
    String value = text(key);
    if (value.isEmpty() || value.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
      return value.replaceAll("/+$", "");
    }
    throw bad(key, "empty, or an absolute http(s) URL without query or fragment");
  }
}

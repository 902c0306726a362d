package org.dpgfed.harvester.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Binds {@code store.*} and {@code cluster.*}: which store, where a remote one is, and who shares it. */
final class StoreSettings {
  private static final String URL = "https?://[^\\s/?#]+(/[^\\s?#]*)?";

  private final ConfigBinder binder;

  StoreSettings(ConfigBinder binder) {
    this.binder = binder;
  }

  Config.Store bind() {
    String type = binder.oneOf("store.type", "lmdb", "sparql", "rdf4j");
    return new Config.Store(Path.of(binder.nonEmpty("store.dataDir")), type,
        url("store.queryEndpoint", type.equals("sparql")), url("store.updateEndpoint", type.equals("sparql")),
        url("store.graphStoreEndpoint", false),
        url("store.serverUrl", type.equals("rdf4j")), repository(type.equals("rdf4j")),
        binder.text("store.username"), binder.text("store.password"));
  }

  /** A cluster shares one store, so it needs a remote one. */
  Config.Cluster cluster(Config.Store store) {
    boolean enabled = binder.bool("cluster.enabled");
    if (enabled && store.embedded()) {
      throw new ConfigException("setting 'cluster.enabled' is true but 'store.type' is lmdb: the nodes of a cluster "
          + "share one store, so set store.type to sparql or rdf4j (environment variable DPG_STORE_TYPE)");
    }
    String host = binder.nonEmpty("cluster.host");
    return new Config.Cluster(enabled, host, binder.integer("cluster.port", 0, 65535), members("cluster.members"),
        binder.duration("cluster.memberTimeout"), binder.duration("cluster.lockTimeout"));
  }

  private String url(String key, boolean required) {
    String value = binder.text(key);
    if ((value.isEmpty() && !required) || value.matches(URL)) {
      return value;
    }
    throw binder.bad(key, "an absolute http(s) URL when store.type needs it, else empty or one");
  }

  private String repository(boolean required) {
    String value = binder.text("store.repository");
    if ((value.isEmpty() && !required) || value.matches("[A-Za-z0-9._-]+")) {
      return value;
    }
    throw binder.bad("store.repository", "a repository id (letters, digits, . _ -), needed when store.type is rdf4j");
  }

  /** A YAML list, or (from the environment) addresses separated by commas or spaces. */
  private List<String> members(String key) {
    var node = binder.node(key);
    List<String> members = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(m -> members.add(m.asText().trim()));
    } else if (!binder.text(key).isEmpty()) {
      members.addAll(List.of(binder.text(key).split("[,\\s]+")));
    }
    for (String member : members) {
      if (!member.matches("[A-Za-z0-9.\\[\\]:-]+:\\d{1,5}")) {
        throw binder.bad(key, "a list of host:port addresses, such as 10.0.0.2:5701");
      }
    }
    return members;
  }
}

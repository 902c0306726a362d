package org.dpgfed.harvester.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every setting of a node. Defaults live in one place, {@code config/harvester.yaml}; the
 * README lists them. Built by {@link ConfigLoader}, which checks each value.
 *
 * @param sources the sources the configuration file registers, as written (checked by the registry)
 * @param configDir the folder relative {@code file:} URLs resolve against
 */
public record Config(
    Http http, Store store, Auth auth, Sparql sparql, Harvest harvest, Node node, Log log, Privacy privacy,
    Cluster cluster, List<Map<String, Object>> sources, Path configDir) {

  /** @param publicBaseUrl empty means {@code http://localhost:<port>} */
  public record Http(int port, String host, String publicBaseUrl, long maxBodyBytes) {}

  /**
   * @param type {@code lmdb} (embedded, in dataDir), {@code sparql} (any SPARQL 1.1 Query + Update
   *     endpoint) or {@code rdf4j} (a repository on an RDF4J Server); the other fields say where a
   *     remote store is and how to log in (username empty: no authentication)
   * @param graphStoreEndpoint {@code sparql}: a Graph Store Protocol endpoint for bulk graph replaces; empty: none
   */
  public record Store(Path dataDir, String type, String queryEndpoint, String updateEndpoint, String graphStoreEndpoint,
      String serverUrl, String repository, String username, String password) {
    public boolean embedded() {
      return type.equals("lmdb");
    }
  }

  /**
   * @param members other nodes' cluster addresses, {@code host:port}
   * @param memberTimeout a member silent this long is dropped, and its harvest locks released
   * @param lockTimeout how long a scheduled run waits for its source's lock before skipping the tick
   */
  public record Cluster(boolean enabled, String host, int port, List<String> members, Duration memberTimeout,
      Duration lockTimeout) {
    public Cluster {
      members = List.copyOf(members);
    }
  }

  /** @param adminToken empty means a generated token whose salted hash is kept in the data directory */
  public record Auth(String adminToken) {}

  /**
   * @param maxConcurrent queries evaluated at once, 0 for one per core; more wait in line up to {@code timeout}
   * @param clientBudget query time one client (remote address) may use per minute; beyond it 429
   * @param federationPeers SPARQL endpoints a query may reach with SERVICE; empty refuses every SERVICE
   */
  public record Sparql(Duration timeout, int maxRows, int workers, int maxQueryLength, int maxConcurrent,
      Duration clientBudget, List<String> federationPeers) {
    public Sparql {
      federationPeers = List.copyOf(federationPeers);
    }
  }

  /**
   * @param allowedHosts host names exempt from the address policy
   * @param maxRemovedShare the largest share of a source's records one run may remove unless forced
   * @param runTimeout a run still fetching or reading after this long fails
   */
  public record Harvest(
      boolean allowPrivateNetworks, Duration connectTimeout, Duration firstByteTimeout,
      Duration totalTimeout, int maxAttempts, Duration retryDelay, long maxBodyBytes,
      int maxRedirects, Duration minSchedule, int workers, int staleAfterFailures,
      int staleAfterSchedules, int runHistory, String userAgent, List<String> allowedHosts,
      double maxRemovedShare, Duration runTimeout) {}

  /**
   * @param feedPageSize members per page of the change feed
   * @param shutdownTimeout how long a stopping node may take before it exits
   */
  public record Node(String title, String description, String publisher, String contactEmail, String dataLicense,
      int feedPageSize, Duration shutdownTimeout) {}

  /** @param format {@code text} (human-readable lines) or {@code json} (one JSON object per line) */
  public record Log(String format) {
    public boolean json() {
      return format.equals("json");
    }
  }

  /**
   * @param storeContacts keep the names, e-mail addresses and phone numbers of people a source
   *     lists as contacts, in the private graph only (never served); false keeps none
   */
  public record Privacy(boolean storeContacts) {}

  /** The base URL once the port is known (port 0 is only known after listening). */
  public String publicBaseUrl(int actualPort) {
    String url = http.publicBaseUrl();
    return url.isEmpty() ? "http://localhost:" + actualPort : url.replaceAll("/+$", "");
  }

  public Config withHttp(Http newHttp) {
    return new Config(newHttp, store, auth, sparql, harvest, node, log, privacy, cluster, sources, configDir);
  }
}

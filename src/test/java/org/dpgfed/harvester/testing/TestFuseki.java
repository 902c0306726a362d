package org.dpgfed.harvester.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * Apache Jena Fuseki as a remote store for tests: one server per JVM on 127.0.0.1 (port 0),
 * started at first use, and a new in-memory dataset for each node, so that nodes never see each
 * other's data unless a test means them to share one.
 */
public final class TestFuseki {
  /** Run the end-to-end tests against Fuseki: {@code -Dstore=fuseki}. */
  public static final boolean REMOTE = "fuseki".equals(System.getProperty("store"));

  private static final AtomicInteger DATASETS = new AtomicInteger();
  /** One dataset per data directory, so a node restarted on the same directory finds its data. */
  private static final Map<Path, String> BY_DATA_DIR = new java.util.concurrent.ConcurrentHashMap<>();
  private static FusekiServer server;

  private TestFuseki() {}

  private static synchronized FusekiServer server() {
    if (server == null) {
      server = FusekiServer.create().port(0).loopback(true).add("/ds0", DatasetGraphFactory.createTxnMem(), true)
          .build().start();
    }
    return server;
  }

  /** The dataset that stands for {@code dataDir}'s store: new at first use. */
  public static String datasetFor(Path dataDir) {
    return BY_DATA_DIR.computeIfAbsent(dataDir.toAbsolutePath().normalize(), dir -> newDataset());
  }

  /** A new, empty dataset; answers its base URL ({@code .../ds3}). */
  public static String newDataset() {
    FusekiServer fuseki = server();
    String name = "/ds" + DATASETS.incrementAndGet();
    DataService service = DataService.newBuilder(DatasetGraphFactory.createTxnMem()).withStdServices(true).build();
    service.setEndpointProcessors(fuseki.getOperationRegistry());
    service.goActive();
    fuseki.getDataAccessPointRegistry().register(new DataAccessPoint(name, service));
    return "http://127.0.0.1:" + fuseki.getHttpPort() + name;
  }

  /** The settings that make a node use {@code dataset} as its store. */
  public static Map<String, String> storeSettings(String dataset) {
    Map<String, String> env = new HashMap<>();
    env.put("DPG_STORE_TYPE", "sparql");
    env.put("DPG_STORE_QUERY_ENDPOINT", dataset + "/query");
    env.put("DPG_STORE_UPDATE_ENDPOINT", dataset + "/update");
    env.put("DPG_STORE_GRAPH_STORE_ENDPOINT", dataset + "/data");
    return env;
  }
}

package org.dpgfed.harvester.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {
  @Test
  void theEmbeddedStoreAndNoClusterAreTheDefaults() {
    Config config = ConfigLoader.defaults();
    assertTrue(config.store().embedded());
    assertFalse(config.cluster().enabled());
    assertEquals("127.0.0.1", config.cluster().host());
    assertEquals(List.of(), config.cluster().members());
  }

  @Test
  void aSparqlStoreTakesItsEndpointsAndLogin() {
    Config config = ConfigLoader.load(null, Map.of("DPG_STORE_TYPE", "sparql",
        "DPG_STORE_QUERY_ENDPOINT", "http://127.0.0.1:3030/ds/query", "DPG_STORE_UPDATE_ENDPOINT", "http://127.0.0.1:3030/ds/update",
        "DPG_STORE_USERNAME", "harvester", "DPG_STORE_PASSWORD", "secret",
        "DPG_STORE_GRAPH_STORE_ENDPOINT", "http://127.0.0.1:3030/ds/data"));
    assertEquals("sparql", config.store().type());
    assertEquals("http://127.0.0.1:3030/ds/update", config.store().updateEndpoint());
    assertEquals("http://127.0.0.1:3030/ds/data", config.store().graphStoreEndpoint());
    assertEquals("harvester", config.store().username());
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of("DPG_STORE_TYPE", "sparql",
        "DPG_STORE_QUERY_ENDPOINT", "http://127.0.0.1:3030/ds/query", "DPG_STORE_UPDATE_ENDPOINT", "http://127.0.0.1:3030/ds/update",
        "DPG_STORE_GRAPH_STORE_ENDPOINT", "ds/data")));
    assertTrue(e.getMessage().contains("store.graphStoreEndpoint"), e.getMessage());
  }

  @Test
  void aSparqlStoreWithoutEndpointsIsRefusedNamingTheSetting() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, Map.of("DPG_STORE_TYPE", "sparql")));
    assertTrue(e.getMessage().contains("store.queryEndpoint"), e.getMessage());
  }

  @Test
  void anRdf4jStoreNeedsItsServerAndRepository() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null,
        Map.of("DPG_STORE_TYPE", "rdf4j", "DPG_STORE_SERVER_URL", "http://127.0.0.1:8080/rdf4j-server")));
    assertTrue(e.getMessage().contains("store.repository"), e.getMessage());
    Config config = ConfigLoader.load(null, Map.of("DPG_STORE_TYPE", "rdf4j",
        "DPG_STORE_SERVER_URL", "http://127.0.0.1:8080/rdf4j-server", "DPG_STORE_REPOSITORY", "dpg"));
    assertEquals("dpg", config.store().repository());
  }

  @Test
  void aClusterOnTheEmbeddedStoreIsRefused() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, Map.of("DPG_CLUSTER_ENABLED", "true")));
    assertTrue(e.getMessage().contains("store.type"), e.getMessage());
  }

  @Test
  void clusterMembersComeFromTheEnvironmentAsAList() {
    Config config = ConfigLoader.load(null, Map.of("DPG_STORE_TYPE", "sparql",
        "DPG_STORE_QUERY_ENDPOINT", "http://127.0.0.1:3030/ds/query", "DPG_STORE_UPDATE_ENDPOINT", "http://127.0.0.1:3030/ds/update",
        "DPG_CLUSTER_ENABLED", "true", "DPG_CLUSTER_MEMBERS", "127.0.0.1:5702, 127.0.0.1:5703",
        "DPG_CLUSTER_LOCK_TIMEOUT", "PT2S"));
    assertEquals(List.of("127.0.0.1:5702", "127.0.0.1:5703"), config.cluster().members());
    assertEquals(Duration.ofSeconds(2), config.cluster().lockTimeout());
    assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of("DPG_CLUSTER_MEMBERS", "no-port")));
  }
}

package org.dpgfed.harvester.web.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.FeedReplay;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting a source tells the feed: a removal for each product no other source lists, a new
 * version for each product another source still lists, numbered on from the feed's last member.
 */
class SourceDeletionFeedTest {
  @TempDir Path dir;

  @Test
  void deletingASourceRemovesTheProductsOnlyItListedAndVersionsTheRest() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (TestNode node = TestNode.start(vertx, dir)) {
      FakeRegistry registry = FakeRegistry.on(vertx);
      ArrayNode records = (ArrayNode) new ObjectMapper().readTree(Path.of("src/test/resources/e2e/registry-v1.json").toFile());
      ArrayNode first = new ObjectMapper().createArrayNode().add(records.get(0));
      registry.serve("/all", Answer.json(records.toString()));
      registry.serve("/first", Answer.json(first.toString()));
      for (String id : List.of("all", "first")) {
        JsonObject source = new JsonObject().put("id", id).put("title", id).put("url", registry.url("/" + id))
            .put("format", "dpga-json").put("schedule", "manual");
        assertEquals("succeeded", node.awaitRun(TestNode.firstRunId(node.register(source))).getString("status"));
      }
      Set<String> deleted = productsOf(node, "all");
      Set<String> kept = productsOf(node, "first");
      assertFalse(kept.isEmpty());
      assertTrue(deleted.containsAll(kept) && deleted.size() > kept.size(), "the two sources share a product: " + kept);
      long before = FeedReplay.of(node).lastSequence();

      var response = Http.send(HttpRequest.newBuilder(URI.create(node.url("/api/sources/all")))
          .header("Authorization", "Bearer " + TestNode.ADMIN).DELETE());
      assertEquals(204, response.statusCode(), response.body());

      FeedReplay after = FeedReplay.of(node);
      List<FeedReplay.Member> added = after.members().stream().filter(m -> m.sequence() > before).toList();
      assertEquals(deleted, added.stream().map(FeedReplay.Member::product).collect(Collectors.toSet()));
      assertEquals(deleted.size(), added.size(), "one member a product");
      Set<String> removed = new HashSet<>(deleted);
      removed.removeAll(kept);
      assertEquals(removed, added.stream().filter(FeedReplay.Member::removal).map(FeedReplay.Member::product)
          .collect(Collectors.toSet()));
      assertEquals(before + deleted.size(), after.lastSequence(), "numbered on without a gap");
      assertEquals(kept, after.current());
      for (String product : removed) {
        assertEquals(410, Http.get(node.url(product.substring(TestNode.BASE.length())), "text/turtle").statusCode());
      }
    } finally {
      vertx.close();
    }
  }

  private static Set<String> productsOf(TestNode node, String sourceId) {
    Set<String> products = new HashSet<>();
    String query = "SELECT DISTINCT ?p WHERE { GRAPH <" + TestNode.BASE + "/graph/source/" + sourceId + "> { ?r "
        + "<http://xmlns.com/foaf/0.1/primaryTopic> ?p } }";
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      exec.execSelect().forEachRemaining(row -> products.add(row.getResource("p").getURI()));
    }
    return products;
  }
}

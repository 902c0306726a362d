package org.dpgfed.harvester.web.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue conforms to DCAT-AP 3.0.0: every page of {@code /catalog}, fetched over HTTP from
 * a node that harvested fixtures of several formats, passes the published DCAT-AP SHACL shapes
 * with no violation.
 */
class DcatApCatalogTest {
  private static final String DCAT = "http://www.w3.org/ns/dcat#";
  private static final Node HYDRA_NEXT = NodeFactory.createURI("http://www.w3.org/ns/hydra/core#next");

  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Path config = dir.resolve("harvester.yaml");
    StringBuilder yaml = new StringBuilder("sources:\n");
    source(yaml, "registry", "e2e/registry-v1.json", "dpga-json");
    source(yaml, "datasets", "source/rdf/dcat.ttl", "rdf");
    source(yaml, "assets", "source/rdf/adms.rdf", "rdf");
    source(yaml, "italia", "source/publiccode/v0.7.yml", "publiccode-yaml");
    source(yaml, "inventory", "source/codejson/inventory-2.0.json", "code-json");
    Files.writeString(config, yaml);
    node = TestNode.start(vertx, config, TestNode.environment(dir.resolve("data")));
    for (String id : List.of("registry", "datasets", "assets", "italia", "inventory")) {
      node.awaitRun(node.source(id).getJsonObject("status").getJsonObject("lastRun").getString("id"));
    }
  }

  private static void source(StringBuilder yaml, String id, String fixture, String format) {
    yaml.append("""
          - id: %s
            title: %s
            url: %s
            format: %s
            schedule: manual
        """.formatted(id, id, Path.of("src/test/resources", fixture).toAbsolutePath().toUri(), format));
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  @Test
  void everyPageOfTheCatalogueConformsToTheDcatApShapes() {
    Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("src/test/resources/dcat-ap/dcat-ap-SHACL.ttl"));
    List<Graph> pages = pages();
    long resources = 0;
    for (Graph page : pages) {
      ValidationReport report = ShaclValidator.get().validate(shapes, page);
      assertTrue(report.conforms(), () -> print(report));
      resources += page.find(null, NodeFactory.createURI(DCAT + "resource"), null).toList().size();
    }
    assertTrue(resources >= 5, "the fixtures' products are listed: " + resources);
  }

  @Test
  void theCatalogueNamesItsPublisherAndTypesWhatItLinksTo() {
    Graph page = pages().get(0);
    Node catalog = NodeFactory.createURI(TestNode.BASE + "/catalog");
    Node publisher = page.find(catalog, NodeFactory.createURI("http://purl.org/dc/terms/publisher"), null).next().getObject();
    assertTrue(page.contains(publisher, NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        NodeFactory.createURI("http://xmlns.com/foaf/0.1/Agent")));
    assertTrue(page.find(publisher, NodeFactory.createURI("http://xmlns.com/foaf/0.1/name"), null).hasNext());
    assertTrue(page.contains(NodeFactory.createURI("http://spdx.org/licenses/MIT"),
        NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        NodeFactory.createURI("http://purl.org/dc/terms/LicenseDocument")));
  }

  /** Every page, following hydra:next from the first. */
  private static List<Graph> pages() {
    List<Graph> pages = new ArrayList<>();
    Optional<String> next = Optional.of(node.url("/catalog"));
    while (next.isPresent() && pages.size() < 50) {
      HttpResponse<String> response = Http.get(next.get(), "text/turtle");
      assertEquals(200, response.statusCode(), response.body());
      Graph page = RDFParser.fromString(response.body(), Lang.TURTLE).toGraph();
      pages.add(page);
      next = page.find(null, HYDRA_NEXT, null).nextOptional()
          .map(t -> node.url(t.getObject().getURI().substring(TestNode.BASE.length())));
    }
    return pages;
  }

  private static String print(ValidationReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShLib.printReport(out, report);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}

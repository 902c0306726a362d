package org.dpgfed.harvester.source.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdapterContractTest;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.StreamingAdapter;
import org.dpgfed.harvester.source.SourceAdapter;
import org.junit.jupiter.api.Test;

class SparqlAdapterTest extends AdapterContractTest {
  @Override
  protected SourceAdapter adapter() {
    return new SparqlAdapter();
  }

  @Override
  protected byte[] malformed() {
    return new RdfAdapterTest().malformed();
  }

  @Test
  void postsTheQueryAsASparqlQuery() {
    StreamingAdapter.RequestBody body = new SparqlAdapter().requestBody("CONSTRUCT {?s ?p ?o} WHERE {?s ?p ?o}").orElseThrow();
    assertEquals("application/sparql-query", body.contentType());
    assertEquals("CONSTRUCT {?s ?p ?o} WHERE {?s ?p ?o}", new String(body.body(), StandardCharsets.UTF_8));
  }

  @Test
  void readsNTriplesAsTheyStreamIn() throws AdapterException {
    String nt = "<http://e.org/d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .\n"
        + "<http://e.org/d> <http://purl.org/dc/terms/title> \"D\"@en .\n";
    AdaptedPage page = new SparqlAdapter().adapt("https://ep.example.org/sparql", null,
        new ByteArrayInputStream(nt.getBytes(StandardCharsets.UTF_8)));
    assertEquals(1, page.records().size());
  }

  @Test
  void refusesAnEmptyOrNonUtf8StreamWithAMessage() {
    AdapterException empty = assertThrows(AdapterException.class, () -> new SparqlAdapter().adapt("https://ep.example.org/sparql",
        "application/n-triples", new ByteArrayInputStream(" \n".getBytes(StandardCharsets.UTF_8))));
    assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    byte[] latin1 = "<http://e.org/d> <http://purl.org/dc/terms/title> \"caf\u00e9\" .\n".getBytes(StandardCharsets.ISO_8859_1);
    AdapterException wrong = assertThrows(AdapterException.class, () -> new SparqlAdapter().adapt("https://ep.example.org/sparql",
        "application/n-triples", new ByteArrayInputStream(latin1)));
    assertTrue(wrong.getMessage().contains("UTF-8"), wrong.getMessage());
  }
}

package org.dpgfed.harvester.source.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dpgfed.harvester.source.AdapterContractTest;
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
  void sendsTheQueryWithTheFirstRequest() {
    assertEquals("https://ep.example.org/sparql?query=CONSTRUCT+%7B%3Fs+%3Fp+%3Fo%7D+WHERE+%7B%3Fs+%3Fp+%3Fo%7D",
        adapter().firstPageUrl("https://ep.example.org/sparql", "CONSTRUCT {?s ?p ?o} WHERE {?s ?p ?o}"));
  }
}

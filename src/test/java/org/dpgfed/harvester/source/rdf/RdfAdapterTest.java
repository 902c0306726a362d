package org.dpgfed.harvester.source.rdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.dpgfed.harvester.source.AdapterContractTest;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Golden;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RdfAdapterTest extends AdapterContractTest {
  @Override
  protected SourceAdapter adapter() {
    return new RdfAdapter();
  }

  @Override
  protected byte[] malformed() {
    return "@prefix dct: <http://purl.org/dc/terms/> .\n<http://a> dct:title \"A\" .\n<http://b dct:title \"B\" .\n"
        .getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dcat.ttl", "codemeta.jsonld", "adms.rdf", "quads.nq"})
  void mapsEachCaseAsItsGoldenFileSays(String name) throws Exception {
    Golden.assertCase(adapter(), "source/rdf/", name);
  }

  @Test
  void neverFetchesARemoteJsonLdContext() {
    byte[] body = "{\"@context\": \"http://127.0.0.1:9/context.jsonld\", \"@type\": \"Dataset\", \"name\": \"x\"}"
        .getBytes(StandardCharsets.UTF_8);
    AdapterException e = assertThrows(AdapterException.class,
        () -> adapter().adapt(new Page(URL, "application/ld+json", body)));
    assertTrue(e.getMessage().contains("is not fetched"), e.getMessage());
  }

  @Test
  void refusesRdfXmlWithEntities() {
    String billionLaughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">"
        + "<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
        + " xmlns:dct=\"http://purl.org/dc/terms/\"><rdf:Description rdf:about=\"http://x\"><dct:title>&b;&ext;</dct:title>"
        + "</rdf:Description></rdf:RDF>";
    AdapterException e = assertThrows(AdapterException.class,
        () -> adapter().adapt(new Page(URL, "application/rdf+xml", billionLaughs.getBytes(StandardCharsets.UTF_8))));
    assertFalse(e.getMessage().contains("root:"), "nothing of the file leaks: " + e.getMessage());
  }

  @Test
  void dropsContactPointsAndPeople() throws Exception {
    var records = adapt(Golden.resource("source/rdf/dcat.ttl")).records();
    assertTrue(records.get(0).description().stream().noneMatch(st -> st.getObject().stringValue().contains("Ann Smith")));
  }
}

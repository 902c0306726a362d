package org.dpgfed.harvester.source.dpga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.model.Severity;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.AdapterContractTest;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Golden;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;
import org.dpgfed.harvester.vocab.DPG;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DpgaJsonAdapterTest extends AdapterContractTest {
  private static final String FIXTURES = "source/dpga/";
  private static final List<String> CASES = List.of("v1-list", "v1-detail-screening", "v2-detail", "dirty", "guidebook");

  @Override
  protected SourceAdapter adapter() {
    return new DpgaJsonAdapter();
  }

  private AdaptedPage adaptCase(String name) throws AdapterException {
    return adapt(Golden.resource(FIXTURES + name + ".json"));
  }

  @Test
  void isRegisteredAsDpgaJson() {
    assertEquals("dpga-json", adapter().format());
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1-list", "v1-detail-screening", "v2-detail", "dirty", "guidebook"})
  void mapsEachCaseAsItsGoldenFileSays(String name) throws Exception {
    Golden.assertMatches(FIXTURES + name + ".expected.ttl", Golden.mint(adaptCase(name)));
  }

  @Test
  void writesOnlyDpgTermsTheVocabularyDefines() throws Exception {
    Model vocabulary;
    try (InputStream in = Files.newInputStream(Path.of("vocab", "dpg.ttl"))) {
      vocabulary = Rio.parse(in, "", RDFFormat.TURTLE);
    }
    for (String name : CASES) {
      Model graph = Golden.mint(adaptCase(name));
      Set<IRI> used = graph.stream()
          .flatMap(st -> Stream.<Value>of(st.getPredicate(), st.getObject()))
          .filter(v -> v.isIRI() && v.stringValue().startsWith(DPG.NAMESPACE))
          .map(IRI.class::cast)
          .collect(Collectors.toSet());
      used.forEach(term -> assertTrue(vocabulary.contains(term, null, null), name + " writes undefined term " + term));
    }
  }

  @Test
  void neverWritesContactNamesOrEmails() throws Exception {
    for (String name : List.of("v1-list", "v2-detail", "dirty", "guidebook")) {
      Model graph = Golden.mint(adaptCase(name));
      for (String personal : List.of("Pierre Bresson", "contact@nmf.earth", "Amit Samdarshi", "amit@open.gov.sg",
          "Luis Falcon", "falcon@example.org", "Pat Person", "pat.person@example.org")) {
        assertFalse(graph.stream().anyMatch(st -> st.getObject().stringValue().contains(personal)),
            name + " leaks " + personal);
      }
    }
  }

  @Test
  void takesTheRecordIdFromV1SlugsAndV2NumbersAndAcceptsFilesWithoutOne() throws Exception {
    assertEquals(List.of("global-digital-library", "nmf.earth", "open-drone-suite"), ids(adaptCase("v1-list")));
    assertEquals(List.of("10623"), ids(adaptCase("v2-detail")));
    assertNull(adaptCase("dirty").records().get(0).id());
  }

  @Test
  void keepsARecordWithoutANameOutOfTheStore() throws Exception {
    AdaptedRecord nameless = adaptCase("dirty").records().get(6);
    assertFalse(nameless.valid());
    assertTrue(nameless.problems().contains(
        Problem.violation("nameless", "/6/name", "the record has no name")), nameless.problems().toString());
  }

  @Test
  void warnsAboutWhatItDropsOrCannotRead() throws Exception {
    List<Problem> bare = adaptCase("dirty").records().get(7).problems();
    assertEquals(Set.of("/7/license", "/7/SDGs", "/7/type", "/7/stage"), paths(bare, Severity.WARNING));
    List<Problem> gnuHealth = adaptCase("dirty").records().get(2).problems();
    assertTrue(messages(gnuHealth).contains("'Proprietary' is not an SPDX licence id; kept as dpg:licenseId only"));
    assertTrue(paths(gnuHealth, Severity.WARNING).containsAll(Set.of(
        "/2/repositories/2/url", "/2/SDGs/2", "/2/type/2", "/2/organizations/2/org_type")), gnuHealth.toString());
  }

  @Test
  void keepsUnknownCountriesAsLabelsAndWarnsOncePerName() throws Exception {
    AdaptedRecord formsg = adaptCase("dirty").records().get(1);
    assertTrue(formsg.description().contains(AdaptedRecord.PRODUCT, DPG.DEPLOYMENT_COUNTRY_LABEL,
        Values.literal("Worldwide", "en")));
    assertTrue(formsg.description().contains(AdaptedRecord.PRODUCT, DPG.DEPLOYMENT_COUNTRY,
        Values.iri("http://publications.europa.eu/resource/authority/country/XKX")));
    assertEquals(1, messages(formsg.problems()).stream().filter(m -> m.contains("Worldwide")).count());
  }

  @Test
  void givesRecordsThatShareARepositoryOneProduct() throws Exception {
    Model graph = Golden.mint(adaptCase("dirty"));
    Value current = product(graph, "growstuff");
    assertEquals(current, product(graph, "growstuff-archive"));
    assertEquals(Set.of("Growstuff", "GrowStuff"), graph.filter((IRI) current, DCTERMS.TITLE, null).objects()
        .stream().map(Value::stringValue).collect(Collectors.toSet()));
  }

  @Test
  void keepsARepositorySiteButIdentifiesTheProductByItsWebsite() throws Exception {
    // torbrowser: "https://gitweb.torproject.org" names a forge, not one repository
    AdaptedRecord tor = adapt(("{\"id\": \"torbrowser\", \"name\": \"Tor Browser\", \"website\": \"https://www.torproject.org/\","
        + " \"repositories\": [{\"name\": \"main\", \"url\": \"https://gitweb.torproject.org\"}]}")
        .getBytes(StandardCharsets.UTF_8)).records().get(0);
    assertTrue(tor.description().contains(AdaptedRecord.PRODUCT, Schema.CODE_REPOSITORY,
        Values.iri("https://gitweb.torproject.org")));
    assertEquals(List.of(), tor.repositories());
    assertEquals(List.of("https://torproject.org"), tor.websites());
  }

  @Test
  void readsABodyThatStartsWithAByteOrderMark() throws Exception {
    byte[] body = "\uFEFF{\"id\": \"h5p\", \"name\": \"H5P\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals("h5p", adapt(body).records().get(0).id());
  }

  @Test
  void rejectsJsonThatIsNotARecordOrAnArrayOfRecords() {
    AdapterException scalar = assertThrows(AdapterException.class, () -> adapt("42".getBytes(StandardCharsets.UTF_8)));
    assertTrue(scalar.getMessage().contains("got a number"), scalar.getMessage());
    AdapterException item = assertThrows(AdapterException.class,
        () -> adapt("[{\"name\": \"H5P\"}, \"h5p\"]".getBytes(StandardCharsets.UTF_8)));
    assertTrue(item.getMessage().contains("item 1 of the array is a string"), item.getMessage());
  }

  @Test
  void saysWhenTheBodyIsHtmlInsteadOfJson() {
    AdapterException e = assertThrows(AdapterException.class,
        () -> adapt("<!DOCTYPE html>\n<html><body>Moved</body></html>".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("line 1, column 1") && e.getMessage().contains("looks like HTML"), e.getMessage());
  }

  @Test
  void rejectsTrailingContentAfterTheRecord() {
    assertThrows(AdapterException.class, () -> adapt("{\"name\": \"H5P\"} {\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8)));
    AdapterException e = assertThrows(AdapterException.class,
        () -> adapt("[{\"name\": \"H5P\"}] [".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
  }

  @Test
  void handsEachRecordOverAsItsItemIsRead() {
    List<String> seen = new java.util.ArrayList<>();
    byte[] body = "[{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"b\", \"name\": \"B\"}, {\"id\": ".getBytes(StandardCharsets.UTF_8);
    AdapterException truncated = assertThrows(AdapterException.class, () -> new DpgaJsonAdapter().adapt(
        new Page("http://127.0.0.1/dpgs", "application/json", body), record -> seen.add(record.id())));
    assertEquals(List.of("a", "b"), seen, "the items before the break were handed over as they were read");
    assertTrue(truncated.getMessage().contains("malformed JSON"), truncated.getMessage());
  }

  private static List<String> ids(AdaptedPage page) {
    return page.records().stream().map(AdaptedRecord::id).toList();
  }

  private static Set<String> paths(List<Problem> problems, Severity severity) {
    return problems.stream().filter(p -> p.severity() == severity).map(Problem::path).collect(Collectors.toSet());
  }

  private static List<String> messages(List<Problem> problems) {
    return problems.stream().map(Problem::message).toList();
  }

  private static Value product(Model graph, String localId) {
    IRI record = Golden.IRIS.record(Golden.SOURCE, localId);
    return graph.filter(record, FOAF.PRIMARY_TOPIC, null).objects().iterator().next();
  }
}

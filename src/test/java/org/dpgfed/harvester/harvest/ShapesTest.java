package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.vocab.DPG;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;

/** The shapes file drives the checks; Jena's SHACL engine referees what they find. */
class ShapesTest {
  private static final IRI P = AdaptedRecord.PRODUCT;
  private final Shapes shapes = Shapes.standard();

  @Test
  void aCompleteDescriptionHasNoProblem() {
    assertEquals(List.of(), shapes.check(complete()));
  }

  @Test
  void missingTitleTypeAndLicenceAreViolationsOnTheirProperty() {
    Model m = new LinkedHashModel();
    m.add(P, RDF.TYPE, DCAT.RESOURCE);
    m.add(P, DCTERMS.DESCRIPTION, Values.literal("no title, no type, no licence"));
    m.add(P, FOAF.HOMEPAGE, Values.iri("https://example.org/x"));
    m.add(P, DCTERMS.SUBJECT, Values.iri("http://metadata.un.org/sdg/4"));
    assertEquals(Set.of("violation " + DCTERMS.TITLE, "violation " + DCTERMS.TYPE, "violation " + DCTERMS.LICENSE),
        summary(shapes.check(m)));
  }

  @Test
  void missingRecommendationsAreWarnings() {
    Model m = complete();
    m.remove(P, DCTERMS.DESCRIPTION, null);
    m.remove(P, Schema.CODE_REPOSITORY, null);
    m.remove(P, FOAF.HOMEPAGE, null);
    m.remove(P, DCTERMS.SUBJECT, null);
    m.add(P, DCTERMS.SUBJECT, Values.literal("health")); // a subject, but not an SDG
    assertEquals(Set.of("warning " + DCTERMS.DESCRIPTION, "warning " + DCTERMS.SUBJECT, "warning null"), summary(shapes.check(m)));
  }

  @Test
  void aWebsiteAloneIsEnough() {
    Model m = complete();
    m.remove(P, Schema.CODE_REPOSITORY, null);
    assertEquals(List.of(), shapes.check(m));
  }

  @Test
  void aRecordWithAViolationBecomesInvalidAndOneWithWarningsStaysValid() {
    Model warned = complete();
    warned.remove(P, DCTERMS.DESCRIPTION, null);
    Model violated = complete();
    violated.remove(P, DCTERMS.LICENSE, null);
    List<AdaptedRecord> checked = shapes.check(List.of(record("a", warned), record("b", violated)));
    assertTrue(checked.get(0).valid());
    assertEquals(1, checked.get(0).problems().size());
    assertTrue(!checked.get(1).valid());
    assertEquals(DCTERMS.LICENSE.stringValue(), checked.get(1).problems().get(0).path());
  }

  @Test
  void jenaFindsTheSameProblemsOnTheSameFocusPaths() {
    Graph shapesGraph = RDFParser.source(Path.of("vocab/shapes/dpg-shapes.ttl")).toGraph();
    org.apache.jena.shacl.Shapes jenaShapes = org.apache.jena.shacl.Shapes.parse(shapesGraph);
    for (Model m : List.of(complete(), bare(), withoutRecommendations())) {
      ValidationReport report = ShaclValidator.get().validate(jenaShapes, jena(m));
      Set<String> theirs = new TreeSet<>();
      report.getEntries().forEach(e -> theirs.add(e.severity().level().getLocalName().toLowerCase() + " "
          + (e.resultPath() == null ? "null" : e.resultPath().toString().replaceAll("[<>]", ""))));
      assertEquals(theirs, summary(shapes.check(m)), "for " + m);
    }
  }

  @Test
  void shapesUsingTermsTheNodeDoesNotCheckAreRefused() {
    String turtle = """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix dcat: <http://www.w3.org/ns/dcat#> .
        @prefix dct: <http://purl.org/dc/terms/> .
        <urn:s> a sh:NodeShape ; sh:targetClass dcat:Resource ;
          sh:property [ sh:path dct:title ; sh:maxCount 1 ] .
        """;
    Model m = parse(turtle);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Shapes(m));
    assertTrue(e.getMessage().contains("maxCount"), e.getMessage());
  }

  private static Set<String> summary(List<Problem> problems) {
    Set<String> out = new TreeSet<>();
    problems.forEach(p -> out.add(p.severity().label() + " " + p.path()));
    return out;
  }

  private static Model complete() {
    Model m = new LinkedHashModel();
    m.add(P, RDF.TYPE, DCAT.RESOURCE);
    m.add(P, DCTERMS.TITLE, Values.literal("DHIS2", "en"));
    m.add(P, DCTERMS.DESCRIPTION, Values.literal("A health information system"));
    m.add(P, DCTERMS.TYPE, DPG.SOFTWARE);
    m.add(P, DCTERMS.LICENSE, Values.iri("http://spdx.org/licenses/BSD-3-Clause"));
    m.add(P, Schema.CODE_REPOSITORY, Values.iri("https://github.com/dhis2/dhis2-core"));
    m.add(P, FOAF.HOMEPAGE, Values.iri("https://dhis2.org"));
    m.add(P, DCTERMS.SUBJECT, Values.iri("http://metadata.un.org/sdg/3"));
    return m;
  }

  private static Model bare() {
    Model m = new LinkedHashModel();
    m.add(P, RDF.TYPE, DCAT.RESOURCE);
    m.add(P, DCTERMS.SUBJECT, Values.iri("http://metadata.un.org/sdg/18"));
    return m;
  }

  private static Model withoutRecommendations() {
    Model m = complete();
    m.remove(P, DCTERMS.DESCRIPTION, null);
    m.remove(P, Schema.CODE_REPOSITORY, null);
    m.remove(P, FOAF.HOMEPAGE, null);
    m.remove(P, DCTERMS.SUBJECT, null);
    return m;
  }

  private static AdaptedRecord record(String id, Model description) {
    return new AdaptedRecord(id, List.of(), List.of(), List.of("https://example.org/" + id), description, List.of());
  }

  private static Graph jena(Model m) {
    StringWriter out = new StringWriter();
    Rio.write(m, out, RDFFormat.NTRIPLES);
    return RDFParser.fromString(out.toString(), Lang.NTRIPLES).toGraph();
  }

  private static Model parse(String turtle) {
    try {
      return Rio.parse(new StringReader(turtle), "", RDFFormat.TURTLE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

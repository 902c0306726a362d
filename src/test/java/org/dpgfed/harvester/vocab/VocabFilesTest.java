package org.dpgfed.harvester.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.model.vocabulary.SHACL;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;

/** The files of vocab/ beside dpg.ttl: shapes, the JSON-LD context and the SDG scheme. */
class VocabFilesTest {
  private static final Path VOCAB = Path.of("vocab");
  /** Vocabularies whose classes need no definition of ours. */
  private static final List<String> WELL_KNOWN = List.of("http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/",
      "http://xmlns.com/foaf/0.1/", "http://schema.org/", "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/adms#",
      "http://www.w3.org/2004/02/skos/core#");

  @Test
  void everyShapeTargetsADefinedClass() throws IOException {
    Model shapes = turtle("shapes/dpg-shapes.ttl");
    Model dpg = turtle("dpg.ttl");
    Set<Value> targets = shapes.filter(null, SHACL.TARGET_CLASS, null).objects();
    assertFalse(targets.isEmpty(), "the shapes target something");
    assertEquals(shapes.filter(null, RDF.TYPE, SHACL.NODE_SHAPE).subjects(),
        shapes.filter(null, SHACL.TARGET_CLASS, null).subjects(), "every node shape has a target class");
    for (Value target : targets) {
      IRI iri = (IRI) target;
      boolean ours = dpg.contains(iri, RDF.TYPE, OWL.CLASS) || dpg.contains(iri, RDF.TYPE, RDFS.CLASS);
      assertTrue(ours || WELL_KNOWN.contains(iri.getNamespace()), target + " is defined");
    }
  }

  @Test
  void shapesRequireTitleTypeAndLicenceAndRecommendTheRest() throws IOException {
    Model shapes = turtle("shapes/dpg-shapes.ttl");
    assertEquals(Set.of("title", "type", "license"), pathsWithSeverity(shapes, SHACL.VIOLATION));
    assertEquals(Set.of("description", "subject"), pathsWithSeverity(shapes, SHACL.WARNING));
  }

  @Test
  void theContextExpandsASampleDocumentOffline() throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode document = (ObjectNode) json.readTree(resource("/vocab/context-sample.json"));
    document.set("@context", json.readTree(VOCAB.resolve("contexts/dpg.jsonld").toFile()).get("@context"));
    Model expanded = Rio.parse(new StringReader(document.toString()), "", RDFFormat.JSONLD);
    Model expected = Rio.parse(resource("/vocab/context-sample.expected.ttl"), RDFFormat.TURTLE);
    assertTrue(Models.isomorphic(expected, expanded), "expanded: " + expanded);
  }

  @Test
  void theSdgSchemeHasSeventeenGoalsInThreeLanguages() throws IOException {
    Model sdg = turtle("sdg.ttl");
    IRI scheme = Values.iri("http://metadata.un.org/sdg/");
    Set<Resource> goals = sdg.filter(null, SKOS.IN_SCHEME, scheme).subjects();
    assertEquals(17, goals.size());
    assertEquals(17, sdg.filter(scheme, SKOS.HAS_TOP_CONCEPT, null).size());
    for (int n = 1; n <= 17; n++) {
      IRI goal = Values.iri("http://metadata.un.org/sdg/" + n);
      assertTrue(goals.contains(goal), goal + " is in the scheme");
      assertEquals(Set.of(Values.literal(String.valueOf(n))), sdg.filter(goal, SKOS.NOTATION, null).objects());
      Set<String> languages = new TreeSet<>();
      sdg.filter(goal, SKOS.PREF_LABEL, null).objects()
          .forEach(label -> languages.add(((Literal) label).getLanguage().orElseThrow()));
      assertEquals(Set.of("en", "es", "fr"), languages, goal + " has one label per language");
      assertEquals(3, sdg.filter(goal, SKOS.PREF_LABEL, null).size());
    }
  }

  /** The titles of A/RES/70/1 itself, not the shorter ones of the UN's web pages. */
  @Test
  void theGoalTitlesAreTheResolutionsWordForWord() throws IOException {
    Model sdg = turtle("sdg.ttl");
    assertEquals("Éliminer la pauvreté sous toutes ses formes et partout dans le monde", title(sdg, 1, "fr"));
    assertEquals("Poner fin a la pobreza en todas sus formas en todo el mundo", title(sdg, 1, "es"));
    assertEquals("Garantir l’accès de tous à l’eau et à l’assainissement et assurer une gestion durable des ressources en eau",
        title(sdg, 6, "fr"));
    assertTrue(title(sdg, 16, "fr").startsWith("Promouvoir l’avènement de sociétés pacifiques et ouvertes à tous"));
  }

  private static String title(Model sdg, int goal, String language) {
    return sdg.filter(Values.iri("http://metadata.un.org/sdg/" + goal), SKOS.PREF_LABEL, null).objects().stream()
        .map(Literal.class::cast).filter(l -> l.getLanguage().orElse("").equals(language)).findFirst().orElseThrow().getLabel();
  }

  private static Set<String> pathsWithSeverity(Model shapes, IRI severity) {
    Set<String> paths = new TreeSet<>();
    for (Resource shape : shapes.filter(null, SHACL.SEVERITY_PROP, severity).subjects()) {
      Models.objectIRI(shapes.filter(shape, SHACL.PATH, null)).ifPresent(p -> paths.add(p.getLocalName()));
    }
    return paths;
  }

  private static Model turtle(String file) throws IOException {
    try (InputStream in = Files.newInputStream(VOCAB.resolve(file))) {
      return Rio.parse(in, RDFFormat.TURTLE);
    }
  }

  private static InputStream resource(String name) {
    return VocabFilesTest.class.getResourceAsStream(name);
  }
}

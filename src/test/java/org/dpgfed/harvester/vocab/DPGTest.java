package org.dpgfed.harvester.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** vocab/dpg.ttl is the truth: it parses, and every constant of {@link DPG} is defined in it. */
class DPGTest {
  private static Model vocabulary;

  @BeforeAll
  static void parse() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("vocab", "dpg.ttl"))) {
      vocabulary = Rio.parse(in, DPG.NAMESPACE, RDFFormat.TURTLE);
    }
  }

  @Test
  void definesEveryConstantAsASubject() throws Exception {
    List<String> missing = new ArrayList<>();
    for (IRI term : constants()) {
      if (!vocabulary.contains(term, null, null)) {
        missing.add(term.getLocalName());
      }
    }
    assertEquals(List.of(), missing, "in DPG.java but not in vocab/dpg.ttl");
  }

  /** Every class, property and concept: one skos:prefLabel and a skos:definition per language, and rdfs:label too. */
  @Test
  void labelsAndDefinesEveryTermInEnglishFrenchAndSpanish() {
    Set<Resource> terms = vocabulary.subjects().stream()
        .filter(s -> s.isIRI() && s.stringValue().startsWith(DPG.NAMESPACE)).collect(Collectors.toSet());
    assertTrue(terms.size() > 150, "classes, properties and concepts: " + terms.size());
    List<String> missing = new ArrayList<>();
    for (Resource term : terms) {
      for (IRI property : List.of(SKOS.PREF_LABEL, SKOS.DEFINITION, RDFS.LABEL)) {
        if (!languages(term, property).equals(List.of("en", "es", "fr"))) {
          missing.add(term + " " + property.getLocalName() + " " + languages(term, property));
        }
      }
      if (languages(term, RDFS.COMMENT).stream().noneMatch("en"::equals)) {
        missing.add(term + " comment");
      }
    }
    assertEquals(List.of(), missing, "terms without exactly one text in each of en, es, fr");
  }

  @Test
  void keepsTheNamespaceOfTheContract() {
    assertEquals("https://w3id.org/dpgfed/vocab#", DPG.NAMESPACE);
    assertEquals("https://w3id.org/dpgfed/vocab#sector-health", DPG.sector("health").stringValue());
  }

  /** The language tags of a term's texts for a property, sorted, repeated when a language has several. */
  private static List<String> languages(Resource term, IRI property) {
    return vocabulary.filter(term, property, null).objects().stream()
        .map(o -> o instanceof Literal l ? l.getLanguage().orElse("") : "").sorted().toList();
  }

  private static List<IRI> constants() throws IllegalAccessException {
    List<IRI> terms = new ArrayList<>();
    for (Field field : DPG.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == IRI.class) {
        terms.add((IRI) field.get(null));
      }
    }
    return terms;
  }
}

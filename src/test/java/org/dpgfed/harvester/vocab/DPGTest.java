package org.dpgfed.harvester.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  @Test
  void labelsAndExplainsEveryTermInEnglish() {
    Set<Resource> terms = vocabulary.subjects().stream()
        .filter(s -> s.isIRI() && s.stringValue().startsWith(DPG.NAMESPACE)).collect(Collectors.toSet());
    assertFalse(terms.isEmpty());
    for (Resource term : terms) {
      assertTrue(hasEnglish(term, RDFS.LABEL), term + " has no English rdfs:label");
      assertTrue(hasEnglish(term, RDFS.COMMENT), term + " has no English rdfs:comment");
    }
  }

  @Test
  void keepsTheNamespaceOfTheContract() {
    assertEquals("https://w3id.org/dpgfed/vocab#", DPG.NAMESPACE);
    assertEquals("https://w3id.org/dpgfed/vocab#sector-health", DPG.sector("health").stringValue());
  }

  private static boolean hasEnglish(Resource term, IRI property) {
    return vocabulary.filter(term, property, null).objects().stream()
        .anyMatch(o -> o instanceof Literal l && l.getLanguage().map("en"::equals).orElse(false));
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

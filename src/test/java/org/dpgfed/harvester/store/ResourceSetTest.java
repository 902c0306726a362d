package org.dpgfed.harvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.Test;

/** The set of hashes against Java's own set, and resources told apart by their text and kind. */
class ResourceSetTest {
  @Test
  void holdsWhatWasAddedAndNothingElse() {
    ResourceSet set = new ResourceSet();
    Random random = new Random(5);
    Set<Long> expected = new HashSet<>();
    for (int i = 0; i < 50_000; i++) {
      long value = i % 1000 == 0 ? 0 : random.nextLong() % 100_000;
      assertEquals(expected.add(value), set.addHash(value));
    }
    for (long value = -100_000; value < 100_000; value++) {
      assertEquals(expected.contains(value), set.containsHash(value), "value " + value);
    }
    assertTrue(set.containsHash(0));
    assertFalse(new ResourceSet().containsHash(0));
  }

  @Test
  void resourcesAreKnownByTextAndKind() {
    ResourceSet set = new ResourceSet();
    assertTrue(set.add(Values.iri("https://example.org/p/1")));
    assertFalse(set.add(Values.iri("https://example.org/p/1")), "an equal IRI is met again");
    assertTrue(set.add(Values.iri("https://example.org/p/2")));
    assertTrue(set.add(SimpleValueFactory.getInstance().createBNode("https://example.org/p/1")),
        "a blank node with the same text is another resource");
    assertTrue(set.contains(Values.iri("https://example.org/p/2")));
    assertFalse(set.contains(Values.iri("https://example.org/p/3")));
  }
}

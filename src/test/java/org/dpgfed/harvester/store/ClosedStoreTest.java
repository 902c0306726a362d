package org.dpgfed.harvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A closed store refuses work, where RDF4J would open it again (and leave it open): a task still
 * running at shutdown fails instead of holding the data directory.
 */
class ClosedStoreTest {
  @TempDir Path dir;

  @Test
  void aClosedStoreRefusesReadsAndWritesAndLeavesItsDirectoryFree() {
    TripleStore store = TripleStore.openEmbedded(dir);
    store.write(conn -> conn.add(Values.iri("https://example.org/a"), RDFS.LABEL, Values.literal("a")));
    store.close();
    assertEquals("the store is closed",
        assertThrows(IllegalStateException.class, () -> store.read(conn -> conn.size())).getMessage());
    assertThrows(IllegalStateException.class, () -> store.write(conn -> conn.clear()));
    assertThrows(IllegalStateException.class, store::connection);
    try (TripleStore again = TripleStore.openEmbedded(dir)) {
      assertEquals(1L, (long) again.read(conn -> conn.size()), "the write before the close is there, the clear after it is not");
    }
  }
}

package org.dpgfed.harvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreIndexesTest {
  @Test
  void aNewStoreGetsTheGraphFirstIndex(@TempDir Path dir) {
    try (TripleStore store = TripleStore.openEmbedded(dir)) {
      assertTrue(store.readsGraphFirst());
    }
    assertEquals(TripleStore.INDEXES, StoreIndexes.of(dir.resolve("store"), "none"));
  }

  @Test
  void aStoreMadeWithOtherIndexesOpensWithThemAndKeepsItsStatements(@TempDir Path dir) {
    SailRepository old = new SailRepository(new LmdbStore(dir.resolve("store").toFile(), new LmdbStoreConfig("spoc,posc,cspo")));
    old.init();
    try (var conn = old.getConnection()) {
      conn.add(Values.iri("urn:x:s"), Values.iri("urn:x:p"), Values.literal("o"), Values.iri("urn:x:g"));
    }
    old.shutDown();
    try (TripleStore store = TripleStore.openEmbedded(dir)) {
      assertFalse(store.readsGraphFirst());
      assertEquals(1, store.size(Values.iri("urn:x:g")));
    }
  }
}

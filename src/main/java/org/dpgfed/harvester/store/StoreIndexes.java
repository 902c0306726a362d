package org.dpgfed.harvester.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The statement indexes an existing LMDB store was made with. A store is opened with its own
 * indexes: RDF4J 5.2 would rebuild them on open to match the configuration, and that rebuild
 * never finishes (it opens an index inside its own write transaction and waits on itself).
 */
final class StoreIndexes {
  /** Where LMDB records a store's indexes, and under which key. */
  private static final String FILE = "triples/triples.prop";
  private static final String KEY = "triple-indexes";

  private StoreIndexes() {
  }

  /** The indexes of the store in {@code storeDir}, or {@code fresh} for a new store. */
  static String of(Path storeDir, String fresh) {
    Path file = storeDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return fresh;
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the store's index list " + file, e);
    }
    return properties.getProperty(KEY, fresh).strip();
  }
}

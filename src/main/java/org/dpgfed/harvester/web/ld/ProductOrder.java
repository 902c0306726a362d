package org.dpgfed.harvester.web.ld;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;

/**
 * The products the sources' records are about, in IRI order, for the catalogue's pages: read and
 * sorted once for each state of the store ({@link TripleStore#generation}), then kept until a write
 * commits, so that walking the catalogue does not sort every product at every page. A product IRI
 * that ends in a 16-hex-digit key (as every product this node mints from a hash does) is kept as
 * those 64 bits, any other as its IRI: 8 bytes a product in the usual case. A remote store, which
 * other nodes may also write, is read again after a minute at most.
 */
final class ProductOrder {
  private final TripleStore store;
  private final String sourceGraphs;
  private final String productPrefix;
  private static final long REMOTE_MAX_AGE = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
  private volatile Sorted sorted = new Sorted(-1, 0, new long[0], new String[0]);

  /**
   * @param keys hash keys with their sign bit flipped, so that signed order is the order of their
   *     hex digits
   * @param others every other product IRI, sorted
   */
  private record Sorted(long generation, long since, long[] keys, String[] others) {
    int size() {
      return keys.length + others.length;
    }
  }

  ProductOrder(TripleStore store, Iris iris) {
    this.store = store;
    this.sourceGraphs = iris.sourceGraphPrefix();
    this.productPrefix = iris.product("").stringValue();
  }

  /** Up to {@code count} products from place {@code from} (0 is the first) in IRI order. */
  List<IRI> slice(long from, int count) {
    Sorted s = current();
    List<IRI> slice = new ArrayList<>(count);
    if (s.others().length == 0) {
      for (long i = from; i < Math.min(s.keys().length, from + count); i++) {
        slice.add(Values.iri(keyIri(s.keys()[(int) i])));
      }
      return slice;
    }
    int i = 0;
    int j = 0;
    for (long place = 0; place < from + count && place < s.size(); place++) {
      String next;
      if (j == s.others().length || i < s.keys().length && keyIri(s.keys()[i]).compareTo(s.others()[j]) < 0) {
        next = keyIri(s.keys()[i++]);
      } else {
        next = s.others()[j++];
      }
      if (place >= from) {
        slice.add(Values.iri(next));
      }
    }
    return slice;
  }

  private String keyIri(long flipped) {
    return productPrefix + HexFormat.of().toHexDigits(flipped ^ Long.MIN_VALUE);
  }

  /** The generation is read before the snapshot that reads the products, as in GraphCounts. */
  private Sorted current() {
    long generation = store.generation();
    Sorted now = sorted;
    if (fresh(now, generation)) {
      return now;
    }
    synchronized (this) {
      if (!fresh(sorted, generation)) {
        sorted = store.read(conn -> read(conn, generation));
      }
      return sorted;
    }
  }

  private boolean fresh(Sorted s, long generation) {
    return s.generation() >= generation && (store.writtenOnlyHere() || System.nanoTime() - s.since() <= REMOTE_MAX_AGE);
  }

  private Sorted read(RepositoryConnection conn, long generation) {
    long[] keys = new long[1024];
    int size = 0;
    Set<String> others = new HashSet<>();
    try (RepositoryResult<Statement> topics = conn.getStatements(null, FOAF.PRIMARY_TOPIC, null, false)) {
      for (Statement st : topics) {
        if (!(st.getObject() instanceof IRI product) || st.getContext() == null
            || !st.getContext().stringValue().startsWith(sourceGraphs)
            || !conn.hasStatement(st.getSubject(), RDF.TYPE, DCAT.CATALOG_RECORD, false, st.getContext())) {
          continue;
        }
        String iri = product.stringValue();
        if (isHashKeyIri(iri)) {
          if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
          }
          keys[size++] = HexFormat.fromHexDigitsToLong(iri, productPrefix.length(), iri.length()) ^ Long.MIN_VALUE;
        } else {
          others.add(iri);
        }
      }
    }
    Arrays.sort(keys, 0, size);
    int distinct = 0;
    for (int i = 0; i < size; i++) {
      if (distinct == 0 || keys[i] != keys[distinct - 1]) {
        keys[distinct++] = keys[i];
      }
    }
    String[] sortedOthers = others.toArray(new String[0]);
    Arrays.sort(sortedOthers);
    return new Sorted(generation, System.nanoTime(), Arrays.copyOf(keys, distinct), sortedOthers);
  }

  private boolean isHashKeyIri(String iri) {
    if (iri.length() != productPrefix.length() + 16 || !iri.startsWith(productPrefix)) {
      return false;
    }
    for (int i = productPrefix.length(); i < iri.length(); i++) {
      char c = iri.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}

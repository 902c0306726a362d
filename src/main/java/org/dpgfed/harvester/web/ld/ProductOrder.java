package org.dpgfed.harvester.web.ld;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.store.PerState;
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
 * sorted once for each state of the store ({@link PerState}), so that walking the catalogue does
 * not sort every product at every page. When every product is one this node minted from a hash (a
 * 16-hex-digit key), they are kept as those 64 bits, 8 bytes a product; else as their IRIs.
 */
final class ProductOrder {
  private final Iris iris;
  private final String sourceGraphs;
  private final PerState<Sorted> sorted;

  /**
   * @param keys the products' keys with their sign bit flipped, so that signed order is the order of
   *     their hex digits; or null, when {@code iris} holds the products
   */
  private record Sorted(long[] keys, List<String> iris) {}

  ProductOrder(TripleStore store, Iris iris) {
    this.iris = iris;
    this.sourceGraphs = iris.sourceGraphPrefix();
    this.sorted = new PerState<>(store, () -> store.read(this::read));
  }

  /** Up to {@code count} products from place {@code from} (0 is the first) in IRI order. */
  List<IRI> slice(long from, int count) {
    Sorted s = sorted.get();
    int size = s.keys() != null ? s.keys().length : s.iris().size();
    List<IRI> slice = new ArrayList<>(count);
    for (long i = from; i < Math.min(size, from + count); i++) {
      slice.add(s.keys() != null ? product(s.keys()[(int) i]) : Values.iri(s.iris().get((int) i)));
    }
    return slice;
  }

  private IRI product(long flipped) {
    return iris.product(HexFormat.of().toHexDigits(flipped ^ Long.MIN_VALUE));
  }

  private Sorted read(RepositoryConnection conn) {
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
        String key = iris.productKey(product);
        if (key != null && Iris.isHashKey(key)) {
          if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
          }
          keys[size++] = HexFormat.fromHexDigitsToLong(key) ^ Long.MIN_VALUE;
        } else {
          others.add(product.stringValue());
        }
      }
    }
    long[] distinct = Arrays.stream(keys, 0, size).sorted().distinct().toArray();
    if (others.isEmpty()) {
      return new Sorted(distinct, null);
    }
    Arrays.stream(distinct).forEach(k -> others.add(product(k).stringValue()));
    return new Sorted(null, others.stream().sorted().toList());
  }
}

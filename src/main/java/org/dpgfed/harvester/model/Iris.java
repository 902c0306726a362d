package org.dpgfed.harvester.model;

import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.util.Values;

/** Mints every IRI the node owns, always from the public base URL, never from a request. */
public final class Iris {
  private final String base;

  public Iris(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public String base() {
    return base;
  }

  public IRI source(String sourceId) {
    return Values.iri(base + "/id/source/" + sourceId);
  }

  public IRI record(String sourceId, String localId) {
    return Values.iri(base + "/id/record/" + sourceId + "/" + localId);
  }

  public IRI product(String key) {
    return Values.iri(base + "/id/product/" + key);
  }

  /** Whether a product key is a hash's 16 hex digits, as the keys this node mints are. */
  public static boolean isHashKey(String key) {
    return key.length() == 16 && key.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
  }

  /** The key of one of this node's product IRIs, or null for any other IRI. */
  public String productKey(IRI product) {
    String prefix = base + "/id/product/";
    String iri = product.stringValue();
    return iri.startsWith(prefix) && iri.indexOf('/', prefix.length()) < 0 ? iri.substring(prefix.length()) : null;
  }

  public IRI run(String runId) {
    return Values.iri(base + "/id/run/" + runId);
  }

  public IRI sourceGraph(String sourceId) {
    return Values.iri(base + "/graph/source/" + sourceId);
  }

  public IRI metaGraph() {
    return Values.iri(base + "/graph/meta");
  }

  /** Personal contacts, kept only when privacy.storeContacts is true; never served. */
  public IRI privateGraph() {
    return Values.iri(base + "/graph/private");
  }

  /** The change feed, an LDES event stream. */
  public IRI feed() {
    return Values.iri(base + "/feed");
  }

  /** Where feed members are kept; not part of the SPARQL default graph. */
  public IRI feedGraph() {
    return Values.iri(base + "/graph/feed");
  }

  /** The graphs the node keeps but never serves: the feed's bookkeeping and the private contacts. */
  public Set<Resource> hiddenGraphs() {
    return Set.of(feedGraph(), privateGraph());
  }

  public IRI feedPage(long page) {
    return Values.iri(base + "/feed/page/" + page);
  }

  public IRI catalog() {
    return Values.iri(base + "/catalog");
  }

  public String sourceGraphPrefix() {
    return base + "/graph/source/";
  }
}

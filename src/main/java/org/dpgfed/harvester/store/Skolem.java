package org.dpgfed.harvester.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Blank nodes in a store reached over the SPARQL protocol: written as IRIs (RDF 1.1 §3.5,
 * skolemisation) and read back as the same blank nodes. A blank node sent in SPARQL text is a
 * fresh variable, so without this a node could not be read or deleted once written.
 */
final class Skolem {
  static final String PREFIX = "urn:x-dpg-harvester:bnode:";

  private Skolem() {}

  static Value out(Value value) {
    return value instanceof BNode node ? iri(node) : value;
  }

  static Resource out(Resource value) {
    return value instanceof BNode node ? iri(node) : value;
  }

  static Statement out(Statement st) {
    if (!st.getSubject().isBNode() && !st.getObject().isBNode()) {
      return st;
    }
    return Values.getValueFactory().createStatement(out(st.getSubject()), st.getPredicate(), out(st.getObject()),
        st.getContext());
  }

  static Value in(Value value) {
    return value instanceof IRI iri && iri.stringValue().startsWith(PREFIX) ? node(iri) : value;
  }

  static Statement in(Statement st) {
    Value s = in(st.getSubject());
    Value o = in(st.getObject());
    if (s == st.getSubject() && o == st.getObject()) {
      return st;
    }
    return Values.getValueFactory().createStatement((Resource) s, st.getPredicate(), o, st.getContext());
  }

  private static IRI iri(BNode node) {
    return Values.iri(PREFIX + URLEncoder.encode(node.getID(), StandardCharsets.UTF_8));
  }

  private static BNode node(IRI iri) {
    return Values.bnode(URLDecoder.decode(iri.stringValue().substring(PREFIX.length()), StandardCharsets.UTF_8));
  }
}

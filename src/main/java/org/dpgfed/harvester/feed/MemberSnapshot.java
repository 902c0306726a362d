package org.dpgfed.harvester.feed;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.rio.ParserConfig;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/**
 * A feed member's description as the feed graph keeps it: one N-Triples literal beside the
 * member's own statements (type, product, time, sequence, hash), not a copy of every triple. The
 * feed graph is never queried through {@code /sparql}, and a member is only ever read whole, so
 * the store writes and indexes one value a version instead of the product's every statement again.
 * Members read back with blank node labels of their own, the same at every read.
 */
final class MemberSnapshot {
  /** The node's own term for the kept text; it never leaves the feed graph. */
  static final IRI SNAPSHOT = Values.iri("urn:x-dpg-harvester:feed-snapshot");

  private MemberSnapshot() {
  }

  /** The description as N-Triples; an IRI of plain ASCII is written as it is, any other term by RDF4J's rules. */
  static Literal write(Collection<Statement> description) {
    StringBuilder text = new StringBuilder(description.size() * 100);
    try {
      for (Statement st : description) {
        term(text, st.getSubject());
        text.append(' ');
        term(text, st.getPredicate());
        text.append(' ');
        term(text, st.getObject());
        text.append(" .\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return Values.literal(text.toString());
  }

  private static void term(StringBuilder text, Value value) throws IOException {
    if (value instanceof IRI iri && plain(iri.stringValue())) {
      text.append('<').append(iri.stringValue()).append('>');
    } else {
      NTriplesUtil.append(value, text);
    }
  }

  /** Printable ASCII that N-Triples allows in an IRI unescaped. */
  private static boolean plain(String iri) {
    for (int i = 0; i < iri.length(); i++) {
      char c = iri.charAt(i);
      if (c <= ' ' || c > '~' || "<>\"{}|^`\\".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** The statements a snapshot holds, its blank nodes labelled after the member's sequence number. */
  static Model read(Literal snapshot, long sequence) {
    Model parsed;
    try {
      parsed = Rio.parse(new StringReader(snapshot.stringValue()), "", RDFFormat.NTRIPLES,
          new ParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true), Values.getValueFactory(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Model m = new LinkedHashModel();
    for (Statement st : parsed) {
      m.add((Resource) label(st.getSubject(), sequence), st.getPredicate(), label(st.getObject(), sequence));
    }
    return m;
  }

  private static Value label(Value v, long sequence) {
    return v instanceof BNode b ? Values.bnode("v" + sequence + "_" + b.getID()) : v;
  }
}

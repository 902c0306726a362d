package org.dpgfed.harvester.store;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/**
 * A transaction's writes as one SPARQL Update request, in the order they were made: consecutive
 * additions become one {@code INSERT DATA}, consecutive removals one {@code DELETE DATA}, and a
 * {@code CLEAR} keeps its place between them. Blank nodes are written skolemised ({@link Skolem}).
 */
final class UpdateText {
  private final StringBuilder text = new StringBuilder();
  private final Model batch = new LinkedHashModel();
  private boolean inserting;

  void insert(Statement quad) {
    switchTo(true);
    batch.add(quad);
  }

  void delete(Statement quad) {
    switchTo(false);
    batch.add(quad);
  }

  /** Clears one graph ({@code null}: the default graph). */
  void clear(Resource context) {
    flush();
    text.append(context == null ? "CLEAR SILENT DEFAULT" : "CLEAR SILENT GRAPH " + term(context)).append(" ;\n");
  }

  void clearAll() {
    flush();
    text.append("CLEAR SILENT ALL ;\n");
  }

  boolean isEmpty() {
    return text.isEmpty() && batch.isEmpty();
  }

  /** The whole request. */
  String text() {
    flush();
    return text.toString();
  }

  private void switchTo(boolean insert) {
    if (insert != inserting) {
      flush();
      inserting = insert;
    }
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    text.append(inserting ? "INSERT DATA {\n" : "DELETE DATA {\n");
    for (Resource context : batch.contexts()) {
      if (context != null) {
        text.append("GRAPH ").append(term(context)).append(" {\n");
      }
      for (Statement st : batch.filter(null, null, null, context)) {
        text.append(term(st.getSubject())).append(' ').append(term(st.getPredicate())).append(' ')
            .append(term(st.getObject())).append(" .\n");
      }
      if (context != null) {
        text.append("}\n");
      }
    }
    text.append("} ;\n");
    batch.clear();
  }

  private static String term(Value value) {
    return NTriplesUtil.toNTriplesString(Skolem.out(value));
  }
}

package org.dpgfed.harvester.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/**
 * A transaction's writes as one SPARQL Update request, in the order they were made: consecutive
 * additions become one {@code INSERT DATA}, consecutive removals one {@code DELETE DATA}, and a
 * {@code CLEAR} keeps its place between them. Blank nodes are written skolemised ({@link Skolem}).
 *
 * <p>With a Graph Store Protocol endpoint at hand ({@code staging}), a graph that is cleared and
 * then filled is a bulk replace: what is added to it after the clear, until something is removed
 * from it, is left out of the request and sent to a staging graph first ({@link #staged()}); in
 * the request, {@code MOVE} takes the staging graph's place where the clear was. The replace then
 * stays inside the one request.
 */
final class UpdateText {
  static final String STAGING = "urn:x-dpg-harvester:staging:";

  /** A graph's clear, and what was added to it after: moved in from its staging graph. */
  private record Replace(Resource graph, Model added) {}

  private final boolean staging;
  private final List<Object> parts = new ArrayList<>(); // text, or a Replace
  private final StringBuilder text = new StringBuilder();
  private final Model batch = new LinkedHashModel();
  private final Map<Resource, Replace> latest = new HashMap<>();
  private final Set<Resource> filling = new HashSet<>();
  private boolean inserting;

  /** @param staging whether bulk replaces go through staging graphs */
  UpdateText(boolean staging) {
    this.staging = staging;
  }

  /** The staging graph of {@code graph}. */
  static IRI staging(Resource graph) {
    return Values.iri(STAGING + graph.stringValue());
  }

  void insert(Statement quad) {
    if (filling.contains(quad.getContext())) {
      latest.get(quad.getContext()).added().add(quad);
      return;
    }
    switchTo(true);
    batch.add(quad);
  }

  void delete(Statement quad) {
    filling.remove(quad.getContext());
    switchTo(false);
    batch.add(quad);
  }

  /** Clears one graph ({@code null}: the default graph). */
  void clear(Resource context) {
    flush();
    if (!staging || !(context instanceof IRI)) {
      text.append(context == null ? "CLEAR SILENT DEFAULT" : "CLEAR SILENT GRAPH " + term(context)).append(" ;\n");
      return;
    }
    Replace before = latest.get(context);
    if (before != null) {
      before.added().clear(); // this clear empties the graph again: what the last one moved in would go
    }
    Replace replace = new Replace(context, new LinkedHashModel());
    endText();
    parts.add(replace);
    latest.put(context, replace);
    filling.add(context);
  }

  void clearAll() {
    flush();
    latest.values().forEach(r -> r.added().clear());
    latest.clear();
    filling.clear();
    text.append("CLEAR SILENT ALL ;\n");
  }

  boolean isEmpty() {
    return parts.isEmpty() && text.isEmpty() && batch.isEmpty();
  }

  /** Each staging graph, with what must be in it before the request is sent. */
  Map<IRI, Model> staged() {
    Map<IRI, Model> staged = new LinkedHashMap<>();
    latest.values().stream().filter(r -> !r.added().isEmpty()).forEach(r -> staged.put(staging(r.graph()), r.added()));
    return staged;
  }

  /** The whole request. */
  String text() {
    flush();
    StringBuilder request = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Replace r) {
        request.append(replace(r));
      } else {
        request.append(part);
      }
    }
    return request.append(text).toString();
  }

  private static String replace(Replace r) {
    return r.added().isEmpty() ? "CLEAR SILENT GRAPH " + term(r.graph()) + " ;\n"
        : "MOVE SILENT GRAPH " + term(staging(r.graph())) + " TO GRAPH " + term(r.graph()) + " ;\n";
  }

  private void endText() {
    if (!text.isEmpty()) {
      parts.add(text.toString());
      text.setLength(0);
    }
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

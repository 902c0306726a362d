package org.dpgfed.harvester.web.ld;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * What the node says about one of its IRIs, gathered across every public graph: the resource's
 * own statements (with the blank nodes they lead to), the statements that point at it (records
 * and sources that mention it, with their type and source), and labels of what it links to.
 * Statements keep their graph, so quad formats show where each came from.
 */
final class Describer {
  private static final List<IRI> LABELS = List.of(DCTERMS.TITLE, RDFS.LABEL, SKOS.PREF_LABEL, FOAF.NAME);

  private final TripleStore store;
  private final Set<Resource> hidden;

  /** @param hidden graphs never shown (the private graph) */
  Describer(TripleStore store, Set<Resource> hidden) {
    this.store = store;
    this.hidden = hidden;
  }

  /** The description, empty when the node never said anything about the IRI. */
  Model describe(IRI subject) {
    return store.read(conn -> {
      Model out = new LinkedHashModel();
      own(conn, subject, out);
      if (out.isEmpty() && !conn.hasStatement(null, null, subject, false)) {
        return out;
      }
      for (Statement st : statements(conn, null, null, subject)) {
        out.add(st);
        statements(conn, st.getSubject(), RDF.TYPE, null).forEach(out::add);
        statements(conn, st.getSubject(), DCTERMS.SOURCE, null).forEach(out::add);
      }
      labelsOfLinks(conn, subject, out);
      return out;
    });
  }

  private void own(RepositoryConnection conn, IRI subject, Model out) {
    Deque<Resource> todo = new ArrayDeque<>(List.of(subject));
    Set<Resource> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Resource next = todo.pop();
      if (!seen.add(next)) {
        continue;
      }
      for (Statement st : statements(conn, next, null, null)) {
        out.add(st);
        if (st.getObject() instanceof BNode node) {
          todo.push(node);
        }
      }
    }
  }

  private void labelsOfLinks(RepositoryConnection conn, IRI subject, Model out) {
    Set<Value> linked = new HashSet<>(out.filter(subject, null, null).objects());
    out.filter(null, null, subject).subjects().forEach(linked::add);
    for (Value value : linked) {
      if (value instanceof IRI iri && !iri.equals(subject)) {
        for (IRI label : LABELS) {
          statements(conn, iri, label, null).forEach(out::add);
        }
      }
    }
  }

  private List<Statement> statements(RepositoryConnection conn, Resource s, IRI p, Value o) {
    return QueryResults.asModel(conn.getStatements(s, p, o, false)).stream()
        .filter(st -> st.getContext() == null || !hidden.contains(st.getContext())).toList();
  }
}

package org.dpgfed.harvester.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.rdf4j.common.iteration.CloseableIteratorIteration;
import org.eclipse.rdf4j.common.iteration.ConvertingIteration;
import org.eclipse.rdf4j.http.client.SPARQLProtocolSession;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryResult;
import org.eclipse.rdf4j.repository.sparql.SPARQLConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/**
 * A connection to a SPARQL 1.1 endpoint whose blank nodes are skolemised on the way out and
 * restored on the way in ({@link Skolem}). A transaction's writes are kept by the node
 * ({@link PendingWrites}) and sent as one update request at commit; until then its
 * getStatements, hasStatement and size see them, merged with the endpoint's answer. Queries
 * prepared on the connection go to the endpoint and see only committed data.
 */
final class SkolemConnection extends SPARQLConnection {
  private final GraphStore graphStore;
  private PendingWrites pending;

  /** @param graphStore where a graph's bulk replace is staged; null: everything goes in the update request */
  SkolemConnection(SPARQLRepository repository, SPARQLProtocolSession session, GraphStore graphStore) {
    super(repository, session, false);
    this.graphStore = graphStore;
  }

  @Override
  public void begin() {
    super.begin();
    pending = new PendingWrites(graphStore != null);
  }

  /**
   * Sends the staging graphs, then the update request that moves them in; if either fails, the
   * staging graphs are dropped again and the store is as it was.
   */
  @Override
  public void commit() {
    PendingWrites writes = pending;
    if (writes != null && !writes.isEmpty()) {
      List<IRI> sent = new ArrayList<>();
      try {
        for (Map.Entry<IRI, Model> staged : writes.staged().entrySet()) {
          sent.add(staged.getKey());
          graphStore.put(staged.getKey(), staged.getValue());
        }
        prepareUpdate(QueryLanguage.SPARQL, writes.update(), "").execute();
      } catch (RuntimeException e) {
        for (IRI staging : sent) {
          try {
            graphStore.delete(staging);
          } catch (RuntimeException left) {
            e.addSuppressed(left);
          }
        }
        throw e;
      }
    }
    pending = null;
    super.commit();
  }

  /** The endpoint's graphs, without staging graphs a failed commit could not drop. */
  @Override
  public RepositoryResult<Resource> getContextIDs() {
    List<Resource> graphs;
    try (RepositoryResult<Resource> listed = super.getContextIDs()) {
      graphs = listed.stream().filter(g -> !g.stringValue().startsWith(UpdateText.STAGING)).toList();
    }
    return new RepositoryResult<>(new CloseableIteratorIteration<>(graphs.iterator()));
  }

  @Override
  public void rollback() {
    pending = null;
    super.rollback();
  }

  /** Every named graph's statements, each with its graph, as the embedded store answers (no default graph). */
  @Override
  public RepositoryResult<Statement> getStatements(Resource subj, IRI pred, Value obj, boolean includeInferred,
      Resource... contexts) {
    PendingWrites writes = pending;
    if (writes == null || writes.isEmpty()) {
      return committed(subj, pred, obj, contexts);
    }
    List<Statement> merged;
    if (writes.replacesAll(contexts)) {
      merged = writes.merge(List.of(), subj, pred, obj, contexts);
    } else {
      try (RepositoryResult<Statement> committed = committed(subj, pred, obj, contexts)) {
        merged = writes.merge(committed, subj, pred, obj, contexts);
      }
    }
    return new RepositoryResult<>(new CloseableIteratorIteration<>(merged.iterator()));
  }

  @Override
  public boolean hasStatement(Resource subj, IRI pred, Value obj, boolean includeInferred, Resource... contexts) {
    PendingWrites writes = pending;
    if (writes == null || writes.isEmpty()) {
      return prepareBooleanQuery(QueryLanguage.SPARQL, "ASK { " + pattern(subj, pred, obj, contexts) + " }", "")
          .evaluate();
    }
    if (writes.adds(subj, pred, obj, contexts)) {
      return true;
    }
    try (RepositoryResult<Statement> found = getStatements(subj, pred, obj, includeInferred, contexts)) {
      return found.hasNext();
    }
  }

  @Override
  public long size(Resource... contexts) {
    PendingWrites writes = pending;
    if (writes != null && !writes.isEmpty()) {
      try (RepositoryResult<Statement> all = getStatements(null, null, null, false, contexts)) {
        return all.stream().count();
      }
    }
    try (TupleQueryResult rows = prepareTupleQuery(QueryLanguage.SPARQL,
        "SELECT (COUNT(*) AS ?n) WHERE { " + pattern(null, null, null, contexts) + " }", "").evaluate()) {
      return ((Literal) rows.next().getValue("n")).longValue();
    }
  }

  private RepositoryResult<Statement> committed(Resource subj, IRI pred, Value obj, Resource... contexts) {
    TupleQueryResult rows = prepareTupleQuery(QueryLanguage.SPARQL,
        "SELECT ?s ?p ?o ?g WHERE { " + pattern(subj, pred, obj, contexts) + " }", "").evaluate();
    return new RepositoryResult<>(new ConvertingIteration<BindingSet, Statement>(rows) {
      @Override
      protected Statement convert(BindingSet row) {
        return Values.getValueFactory().createStatement((Resource) Skolem.in(bound(row, "s", subj)),
            (IRI) bound(row, "p", pred), Skolem.in(bound(row, "o", obj)), (Resource) row.getValue("g"));
      }
    });
  }

  /** {@code GRAPH ?g { s p o }}, known terms written in place, the graphs (if any) in VALUES. */
  private static String pattern(Resource subj, IRI pred, Value obj, Resource... contexts) {
    StringBuilder q = new StringBuilder("GRAPH ?g { ").append(term(Skolem.out(subj), "?s")).append(' ')
        .append(term(pred, "?p")).append(' ').append(term(Skolem.out(obj), "?o")).append(" }");
    List<String> graphs = Arrays.stream(contexts == null ? new Resource[0] : contexts)
        .filter(Objects::nonNull).map(c -> term(c, "")).toList();
    if (contexts != null && contexts.length > 0) {
      q.append(" VALUES ?g { ").append(String.join(" ", graphs)).append(" }");
    } else {
      q.append(" FILTER (!STRSTARTS(STR(?g), \"").append(UpdateText.STAGING).append("\"))");
    }
    return q.toString();
  }

  private static String term(Value value, String variable) {
    return value == null ? variable : NTriplesUtil.toNTriplesString(value);
  }

  private static Value bound(BindingSet row, String name, Value given) {
    return given != null ? given : row.getValue(name);
  }

  @Override
  protected void addWithoutCommit(Statement st, Resource... contexts) {
    addWithoutCommit(st.getSubject(), st.getPredicate(), st.getObject(),
        contexts.length == 0 ? new Resource[] {st.getContext()} : contexts);
  }

  @Override
  protected void addWithoutCommit(Resource subject, IRI predicate, Value object, Resource... contexts) {
    for (Resource context : contexts.length == 0 ? new Resource[] {null} : contexts) {
      pending.add(Values.getValueFactory().createStatement(subject, predicate, object, context));
    }
  }

  /** As the embedded store: the statement's own graph when none is given, every graph when it has none. */
  @Override
  protected void removeWithoutCommit(Statement st, Resource... contexts) {
    removeWithoutCommit(st.getSubject(), st.getPredicate(), st.getObject(),
        contexts.length == 0 && st.getContext() != null ? new Resource[] {st.getContext()} : contexts);
  }

  /** A pattern, or a statement in every graph, is resolved to the statements it matches now. */
  @Override
  protected void removeWithoutCommit(Resource subject, IRI predicate, Value object, Resource... contexts) {
    if (subject != null && predicate != null && object != null && contexts.length > 0) {
      for (Resource context : contexts) {
        pending.remove(Values.getValueFactory().createStatement(subject, predicate, object, context));
      }
      return;
    }
    try (RepositoryResult<Statement> matches = getStatements(subject, predicate, object, false, contexts)) {
      matches.stream().toList().forEach(pending::remove);
    }
  }

  @Override
  public void clear(Resource... contexts) {
    boolean local = startLocalTransaction();
    pending.clear(contexts);
    conditionalCommit(local);
  }
}

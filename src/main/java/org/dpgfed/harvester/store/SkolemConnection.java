package org.dpgfed.harvester.store;

import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.eclipse.rdf4j.common.iteration.ConvertingIteration;
import org.eclipse.rdf4j.http.client.SPARQLProtocolSession;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;
import org.eclipse.rdf4j.repository.RepositoryResult;
import org.eclipse.rdf4j.repository.sparql.SPARQLConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;

/**
 * A connection to a SPARQL 1.1 endpoint whose blank nodes are skolemised on the way out and
 * restored on the way in ({@link Skolem}). Writes of a transaction are sent as one update
 * request at commit; reads go to the endpoint and see only committed data.
 */
final class SkolemConnection extends SPARQLConnection {
  SkolemConnection(SPARQLRepository repository, SPARQLProtocolSession session) {
    super(repository, session, false);
    setSilentClear(true); // clearing a graph that does not exist yet is no error
  }

  /** Every named graph's statements, each with its graph, as the embedded store answers (no default graph). */
  @Override
  public RepositoryResult<Statement> getStatements(Resource subj, IRI pred, Value obj, boolean includeInferred,
      Resource... contexts) {
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

  @Override
  public boolean hasStatement(Resource subj, IRI pred, Value obj, boolean includeInferred, Resource... contexts) {
    return prepareBooleanQuery(QueryLanguage.SPARQL, "ASK { " + pattern(subj, pred, obj, contexts) + " }", "")
        .evaluate();
  }

  @Override
  public long size(Resource... contexts) {
    try (TupleQueryResult rows = prepareTupleQuery(QueryLanguage.SPARQL,
        "SELECT (COUNT(*) AS ?n) WHERE { " + pattern(null, null, null, contexts) + " }", "").evaluate()) {
      return ((Literal) rows.next().getValue("n")).longValue();
    }
  }

  /** {@code GRAPH ?g { s p o }}, known terms written in place, the graphs (if any) in VALUES. */
  private static String pattern(Resource subj, IRI pred, Value obj, Resource... contexts) {
    StringBuilder q = new StringBuilder("GRAPH ?g { ").append(term(Skolem.out(subj), "?s")).append(' ')
        .append(term(pred, "?p")).append(' ').append(term(Skolem.out(obj), "?o")).append(" }");
    List<String> graphs = Arrays.stream(contexts == null ? new Resource[0] : contexts)
        .filter(java.util.Objects::nonNull).map(c -> term(c, "")).toList();
    if (contexts != null && contexts.length > 0) {
      q.append(" VALUES ?g { ").append(String.join(" ", graphs)).append(" }");
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
  public void add(Statement st, Resource... contexts) {
    super.add(Skolem.out(st), contexts);
  }

  @Override
  public void add(Iterable<? extends Statement> statements, Resource... contexts) {
    super.add(skolemised(statements), contexts);
  }

  @Override
  protected void addWithoutCommit(Resource subject, IRI predicate, Value object, Resource... contexts) {
    super.addWithoutCommit(Skolem.out(subject), predicate, Skolem.out(object), contexts);
  }

  @Override
  public void remove(Statement st, Resource... contexts) {
    super.remove(Skolem.out(st), contexts);
  }

  @Override
  public void remove(Iterable<? extends Statement> statements, Resource... contexts) {
    super.remove(skolemised(statements), contexts);
  }

  @Override
  protected void removeWithoutCommit(Resource subject, IRI predicate, Value object, Resource... contexts) {
    super.removeWithoutCommit(Skolem.out(subject), predicate, Skolem.out(object), contexts);
  }

  private static Iterable<Statement> skolemised(Iterable<? extends Statement> statements) {
    return StreamSupport.stream(statements.spliterator(), false).map(st -> Skolem.out((Statement) st)).toList();
  }
}

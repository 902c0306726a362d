package org.dpgfed.harvester.harvest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;

/**
 * Brings the other sources' graphs in line with a reconciliation, in the run's transaction: a
 * product whose records now belong to a merged product is renamed in its graph, match rules are
 * updated, and every product IRI that lost a merge gets {@code owl:sameAs} from its winner in the
 * meta graph. A product whose records would need to part (a split) is left until its source's
 * next changed run.
 */
final class Realignment {
  private final RepositoryConnection conn;
  private final Iris iris;
  private final IRI ownGraph;

  /** @param ownGraph the graph the run just wrote (left alone), or null */
  Realignment(RepositoryConnection conn, Iris iris, IRI ownGraph) {
    this.conn = conn;
    this.iris = iris;
    this.ownGraph = ownGraph;
  }

  /** Each record's product in a graph. */
  static Map<IRI, IRI> topics(RepositoryConnection conn, IRI graph) {
    Map<IRI, IRI> topics = new HashMap<>();
    topics(conn, graph, topics::put);
    return topics;
  }

  /** Each record's product in a graph, handed over one by one. */
  static void topics(RepositoryConnection conn, IRI graph, BiConsumer<IRI, IRI> each) {
    try (RepositoryResult<Statement> listed = conn.getStatements(null, FOAF.PRIMARY_TOPIC, null, false, graph)) {
      for (Statement st : listed) {
        if (st.getSubject() instanceof IRI record && st.getObject() instanceof IRI product) {
          each.accept(record, product);
        }
      }
    }
  }

  /**
   * Returns the products whose description changed (renamed from and to). {@code ownBefore} hands
   * over each record of the run's own graph with the product it had before.
   */
  Set<IRI> apply(Function<IRI, Reconciliation.Match> matches, Consumer<BiConsumer<IRI, IRI>> ownBefore) {
    Map<IRI, Map<IRI, Set<IRI>>> votes = new HashMap<>(); // graph -> product -> the products its records now belong to
    Map<Resource, Value> rules = new HashMap<>(); // record -> its match rule, read in one pass rather than per record
    for (Statement st : otherSources(DPG.MATCHED_BY)) {
      rules.put(st.getSubject(), st.getObject());
    }
    for (Statement st : otherSources(FOAF.PRIMARY_TOPIC)) {
      if (st.getSubject() instanceof IRI record && st.getObject() instanceof IRI product) {
        IRI graph = (IRI) st.getContext();
        votes.computeIfAbsent(graph, g -> new HashMap<>()).computeIfAbsent(product, p -> new HashSet<>())
            .add(realign(graph, record, product, matches.apply(record), rules.get(record)));
      }
    }
    Map<IRI, IRI> losers = new HashMap<>(); // loser -> winner
    Set<IRI> touched = new HashSet<>();
    votes.forEach((graph, products) -> products.forEach((product, wanted) -> {
      if (wanted.size() == 1 && !wanted.contains(product)) {
        IRI winner = wanted.iterator().next();
        rename(graph, product, winner);
        losers.putIfAbsent(product, winner);
        touched.add(product);
        touched.add(winner);
      }
    }));
    ownBefore.accept((record, old) -> {
      Reconciliation.Match now = matches.apply(record);
      if (now != null && !iris.product(now.key()).equals(old)) {
        losers.putIfAbsent(old, iris.product(now.key()));
      }
    });
    losers.forEach((loser, winner) -> {
      if (!conn.hasStatement(null, FOAF.PRIMARY_TOPIC, loser, false)) {
        conn.add(winner, OWL.SAMEAS, loser, iris.metaGraph());
      }
    });
    return touched;
  }

  /** Fixes a record's match rule; returns the product it now belongs to (its own when the index does not know it). */
  private IRI realign(IRI graph, IRI record, IRI product, Reconciliation.Match match, Value rule) {
    if (match == null) {
      return product; // a record the index does not know (a feed source's)
    }
    if (!match.rule().equals(rule)) {
      conn.remove(record, DPG.MATCHED_BY, null, graph);
      conn.add(record, DPG.MATCHED_BY, match.rule(), graph);
    }
    return iris.product(match.key());
  }

  /** Renames a product within one graph. */
  private void rename(IRI graph, IRI from, IRI to) {
    List<Statement> about = QueryResults.asModel(conn.getStatements(from, null, null, false, graph)).stream().toList();
    List<Statement> pointing = QueryResults.asModel(conn.getStatements(null, null, from, false, graph)).stream().toList();
    for (Statement st : about) {
      conn.remove(st, graph);
      conn.add(to, st.getPredicate(), st.getObject().equals(from) ? to : st.getObject(), graph);
    }
    for (Statement st : pointing) {
      if (!st.getSubject().equals(from)) {
        conn.remove(st, graph);
        conn.add(st.getSubject(), st.getPredicate(), to, graph);
      }
    }
  }

  /**
   * The statements of a predicate in other sources' graphs, read one by one (the run's own graph,
   * just written, may be large) and kept, so that the graphs can be changed after.
   */
  private List<Statement> otherSources(IRI predicate) {
    List<Statement> found = new ArrayList<>();
    try (RepositoryResult<Statement> listed = conn.getStatements(null, predicate, null, false)) {
      for (Statement st : listed) {
        if (isOtherSourceGraph(st.getContext())) {
          found.add(st);
        }
      }
    }
    return found;
  }

  private boolean isOtherSourceGraph(Resource graph) {
    return graph != null && !graph.equals(ownGraph) && graph.stringValue().startsWith(iris.sourceGraphPrefix());
  }

}

package org.dpgfed.harvester.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Statements;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;

/**
 * Brings a graph from its committed content to a new content given batch by batch, removing and
 * adding only the statements that differ. A harvest that finds its source mostly unchanged then
 * writes little, and the store has few values to collect afterwards: clearing a large graph and
 * adding it again makes the store check every value the old statements used. A diff may also
 * cover part of a graph: one source's identity index entries in the meta graph.
 *
 * <p>A subject's old statements are compared with the new ones the first time the subject appears
 * in a batch; statements of subjects the new content never names are removed at the end. Blank
 * nodes are compared by label, so a node the new content labels afresh replaces the old one. The
 * subjects already met are kept as 64-bit hashes ({@link ResourceSet}); two subjects sharing a
 * hash by chance, one in 2^64 for a pair, would leave the second one's old statements in place.
 */
public final class GraphDiff {
  private final RepositoryConnection committed;
  private final RepositoryConnection conn;
  private final IRI graph;
  private final List<IRI> predicates;
  private final Predicate<Resource> owned;
  /** Removes every old statement at once and adds the new ones as they come, without reading per subject. */
  private final boolean wholesale;
  private boolean cleared;
  /** The diff covers the whole graph. */
  private final boolean whole;
  private final ResourceSet met = new ResourceSet();
  private static final int REMOVAL_BATCH = 10_000;
  /** Every predicate. */
  private static final List<IRI> ANY = java.util.Collections.singletonList(null);
  private long added;
  private long removed;

  /**
   * A diff of a whole graph; {@code wholesale}: the graph is cleared before the first batch is added.
   *
   * @param committed reads the graph as it was before the transaction
   * @param conn the transaction that changes it
   */
  GraphDiff(RepositoryConnection committed, RepositoryConnection conn, IRI graph, boolean wholesale) {
    this(committed, conn, graph, List.of(), null, wholesale);
  }

  /**
   * A diff of part of a graph: the statements of {@code predicates} whose subject is {@code owned};
   * the graph's other statements stay as they are, and the new content holds only such statements.
   * {@code wholesale}: the old statements are all removed before the first batch is added (for a
   * remote store, where reading subject by subject would be one request each).
   */
  GraphDiff(RepositoryConnection committed, RepositoryConnection conn, IRI graph, List<IRI> predicates,
      Predicate<Resource> owned, boolean wholesale) {
    this.committed = committed;
    this.conn = conn;
    this.graph = graph;
    this.predicates = predicates;
    this.owned = owned == null ? subject -> true : owned;
    this.whole = owned == null;
    this.wholesale = wholesale;
  }

  /** Makes the graph hold the batch's statements, and no other old statement of the subjects it meets first. */
  public void apply(Collection<Statement> batch) {
    if (wholesale) {
      if (!cleared) {
        removeRest();
      }
      conn.add(batch, graph);
      added += batch.size();
      return;
    }
    Set<Statement> fresh = new HashSet<>(batch.size() * 2);
    Set<Resource> subjects = new LinkedHashSet<>();
    for (Statement st : batch) {
      fresh.add(triple(st));
      subjects.add(st.getSubject());
    }
    for (Resource subject : subjects) {
      if (!met.add(subject)) {
        continue; // compared in an earlier batch; its statements here are added below
      }
      for (IRI predicate : predicates.isEmpty() ? ANY : predicates) {
        try (RepositoryResult<Statement> old = committed.getStatements(subject, predicate, null, false, graph)) {
          for (Statement st : old) {
            if (!fresh.remove(triple(st))) {
              conn.remove(st.getSubject(), st.getPredicate(), st.getObject(), graph);
              removed++;
            }
          }
        }
      }
    }
    if (!fresh.isEmpty()) {
      conn.add(fresh, graph);
      added += fresh.size();
    }
  }

  /** Removes the old statements of every subject the new content did not name; call after the last batch. */
  public void removeRest() {
    if (cleared) {
      return;
    }
    cleared = wholesale;
    if (wholesale && whole) {
      conn.clear(graph);
      return;
    }
    List<Statement> gone = new ArrayList<>();
    for (IRI predicate : predicates.isEmpty() ? ANY : predicates) {
      try (RepositoryResult<Statement> old = committed.getStatements(null, predicate, null, false, graph)) {
        for (Statement st : old) {
          if (owned.test(st.getSubject()) && !met.contains(st.getSubject())) {
            gone.add(st);
          }
          if (gone.size() == REMOVAL_BATCH) {
            remove(gone);
          }
        }
      }
    }
    remove(gone);
  }

  private void remove(List<Statement> gone) {
    conn.remove(gone, graph);
    removed += gone.size();
    gone.clear();
  }

  /** Statements written that the graph did not hold. */
  long added() {
    return added;
  }

  /** Statements the graph held and no longer holds. */
  long removed() {
    return removed;
  }

  private static Statement triple(Statement st) {
    return st.getContext() == null ? st : Statements.statement(st.getSubject(), st.getPredicate(), st.getObject(), null);
  }
}

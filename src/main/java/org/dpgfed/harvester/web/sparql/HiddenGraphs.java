package org.dpgfed.harvester.web.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.algebra.ArbitraryLengthPath;
import org.eclipse.rdf4j.query.algebra.BindingSetAssignment;
import org.eclipse.rdf4j.query.algebra.Compare;
import org.eclipse.rdf4j.query.algebra.DescribeOperator;
import org.eclipse.rdf4j.query.algebra.EmptySet;
import org.eclipse.rdf4j.query.algebra.Filter;
import org.eclipse.rdf4j.query.algebra.Join;
import org.eclipse.rdf4j.query.algebra.QueryModelNode;
import org.eclipse.rdf4j.query.algebra.StatementPattern;
import org.eclipse.rdf4j.query.algebra.TripleRef;
import org.eclipse.rdf4j.query.algebra.TupleExpr;
import org.eclipse.rdf4j.query.algebra.TupleFunctionCall;
import org.eclipse.rdf4j.query.algebra.ValueConstant;
import org.eclipse.rdf4j.query.algebra.ValueExpr;
import org.eclipse.rdf4j.query.algebra.Var;
import org.eclipse.rdf4j.query.algebra.ZeroLengthPath;
import org.eclipse.rdf4j.query.algebra.And;
import org.eclipse.rdf4j.query.algebra.helpers.AbstractQueryModelVisitor;
import org.eclipse.rdf4j.query.impl.ListBindingSet;

/**
 * Keeps the hidden graphs out of a query that names no dataset, by rewriting its algebra: every
 * triple pattern reads the named graphs (the default graph is their union) and a filter drops
 * statements of a hidden graph; a default-graph pattern is then made distinct over its own
 * variables ({@link DefaultGraphSet}). One index scan then serves a pattern, where a dataset
 * listing every visible graph makes the store scan once per graph. Where the store has a
 * graph-first index, a pattern of a {@code GRAPH ?g} group whose subject is a variable instead
 * joins {@code VALUES ?g} of the visible graphs: the index then reads exactly the visible
 * statements, and the hidden graphs (the feed repeats every product's description) are not read.
 *
 * <p>Operators that read the store other than through triple patterns (property paths of
 * variable length, DESCRIBE, RDF-star triple references, tuple functions) cannot be rewritten so;
 * for a query with one of them {@link #rewrite} answers false and the caller uses a dataset.
 */
final class HiddenGraphs {
  private final Set<Resource> hidden;
  private final boolean graphFirst;

  /** @param graphFirst whether the store reads one graph's statements of a predicate cheaply */
  HiddenGraphs(Set<Resource> hidden, boolean graphFirst) {
    this.hidden = Set.copyOf(hidden);
    this.graphFirst = graphFirst;
  }

  /** Whether every way the query reads the store is a triple pattern that {@link #rewrite} can filter. */
  static boolean rewritable(TupleExpr expr) {
    AtomicBoolean plain = new AtomicBoolean(true);
    expr.visit(new AbstractQueryModelVisitor<RuntimeException>() {
      @Override
      protected void meetNode(QueryModelNode node) {
        if (node instanceof ZeroLengthPath || node instanceof ArbitraryLengthPath || node instanceof DescribeOperator
            || node instanceof TripleRef || node instanceof TupleFunctionCall) {
          plain.set(false);
          return;
        }
        super.meetNode(node);
      }
    });
    return plain.get();
  }

  /**
   * Rewrites the expression in place; call only when {@link #rewritable} said so. A pattern that
   * binds nothing (a whole-store scan) reads the visible graphs one by one instead, so the hidden
   * ones are never read; {@code visibleGraphs} lists them, asked only for such a pattern.
   */
  void rewrite(TupleExpr expr, Supplier<List<Resource>> visibleGraphs) {
    int[] counter = {0};
    List<List<Resource>> listed = new ArrayList<>(1); // asked once, however many patterns read graph by graph
    Supplier<List<Resource>> visible = () -> {
      if (listed.isEmpty()) {
        listed.add(visibleGraphs.get());
      }
      return listed.get(0);
    };
    expr.visit(new AbstractQueryModelVisitor<RuntimeException>() {
      @Override
      public void meet(StatementPattern pattern) {
        Var graph = pattern.getContextVar();
        if (graph != null && graph.hasValue()) {
          if (hidden.contains(graph.getValue())) {
            pattern.replaceWith(new EmptySet());
          }
          return;
        }
        Var read = graph != null ? graph.clone() : new Var("_graph_" + counter[0]++, true);
        StatementPattern named = new StatementPattern(StatementPattern.Scope.NAMED_CONTEXTS,
            pattern.getSubjectVar().clone(), pattern.getPredicateVar().clone(), pattern.getObjectVar().clone(), read);
        TupleExpr reading = graphByGraph(pattern, graph != null)
            ? new Join(graphs(read, visible.get()), named) : filtered(named, read);
        pattern.replaceWith(graph != null ? reading : DefaultGraphSet.once(pattern, reading));
      }
    });
  }

  /**
   * Whether the pattern reads the visible graphs one by one (each read then skips the hidden
   * graphs' statements in the index) rather than all graphs through a filter. So for a pattern that
   * binds nothing, and for one in a {@code GRAPH ?g} whose subject is a variable: its reads with
   * the graph bound use the store's graph-first index. A pattern whose subject is known keeps the
   * filter: the subject-first index finds its few statements in one read, whatever their graph.
   * A default-graph pattern keeps it too: its graph variable is its own, so another pattern that
   * binds its subject would make it read once per visible graph. A store without a graph-first
   * index keeps the filter for all but the patterns that bind nothing.
   */
  private boolean graphByGraph(StatementPattern pattern, boolean inGraph) {
    if (pattern.getVarList().stream().noneMatch(Var::hasValue)) {
      return true;
    }
    return graphFirst && inGraph && !pattern.getSubjectVar().hasValue();
  }

  private TupleExpr filtered(StatementPattern pattern, Var graph) {
    return hidden.isEmpty() ? pattern : new Filter(pattern, visible(graph));
  }

  /** {@code VALUES ?g { <visible1> <visible2> ... }} */
  private static BindingSetAssignment graphs(Var graph, List<Resource> visible) {
    BindingSetAssignment values = new BindingSetAssignment();
    values.setBindingNames(Set.of(graph.getName()));
    values.setBindingSets(visible.stream().<BindingSet>map(g -> new ListBindingSet(List.of(graph.getName()), g))
        .toList());
    return values;
  }

  /** {@code ?g != <hidden1> && ?g != <hidden2> ...} */
  private ValueExpr visible(Var graph) {
    ValueExpr condition = null;
    for (Resource iri : hidden) {
      ValueExpr differs = new Compare(graph.clone(), new ValueConstant((Value) iri), Compare.CompareOp.NE);
      condition = condition == null ? differs : new And(condition, differs);
    }
    return condition;
  }
}

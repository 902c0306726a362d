package org.dpgfed.harvester.web.sparql;

import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.rdf4j.query.algebra.ArbitraryLengthPath;
import org.eclipse.rdf4j.query.algebra.DescribeOperator;
import org.eclipse.rdf4j.query.algebra.Distinct;
import org.eclipse.rdf4j.query.algebra.Projection;
import org.eclipse.rdf4j.query.algebra.ProjectionElem;
import org.eclipse.rdf4j.query.algebra.ProjectionElemList;
import org.eclipse.rdf4j.query.algebra.QueryRoot;
import org.eclipse.rdf4j.query.algebra.StatementPattern;
import org.eclipse.rdf4j.query.algebra.TupleExpr;
import org.eclipse.rdf4j.query.algebra.Var;
import org.eclipse.rdf4j.query.algebra.ZeroLengthPath;
import org.eclipse.rdf4j.query.algebra.helpers.AbstractQueryModelVisitor;
import org.eclipse.rdf4j.query.parser.ParsedBooleanQuery;
import org.eclipse.rdf4j.query.parser.ParsedQuery;

/**
 * The default graph is an RDF graph, a set of triples: a triple that several of its graphs hold
 * matches a default-graph pattern once. RDF4J reads such a pattern graph by graph, so it would
 * match once per graph (reconciled products share one IRI, so their type and title often are in
 * several source graphs); here each such pattern is made DISTINCT over its own variables.
 */
final class DefaultGraphSet {
  private DefaultGraphSet() {
  }

  /**
   * {@code read} (the pattern read over the named graphs, binding a graph variable of its own) as
   * the distinct bindings of the pattern's variables. The projection is not a subquery, so joins
   * still pass it their bindings and order it by its estimated size.
   */
  static TupleExpr once(StatementPattern pattern, TupleExpr read) {
    ProjectionElemList elements = new ProjectionElemList();
    variables(pattern).forEach(name -> elements.addElement(new ProjectionElem(name)));
    return new Distinct(new Projection(read, elements, false));
  }

  /**
   * A projection keeps the bindings its caller passed in only below another projection; an ASK
   * query has none, so it gets one of every variable it binds.
   */
  static void project(ParsedQuery query) {
    if (!(query instanceof ParsedBooleanQuery)) {
      return;
    }
    TupleExpr top = query.getTupleExpr() instanceof QueryRoot root ? root.getArg() : query.getTupleExpr();
    ProjectionElemList elements = new ProjectionElemList();
    top.getBindingNames().forEach(name -> elements.addElement(new ProjectionElem(name)));
    Projection projection = new Projection(top.clone(), elements, false);
    if (query.getTupleExpr() instanceof QueryRoot root) {
      root.setArg(projection);
    } else {
      query.setTupleExpr(projection);
    }
  }

  /**
   * For a query read through a dataset of several default graphs: every default-graph triple
   * pattern matches distinct triples. Patterns inside variable-length paths are left alone (a path
   * answers distinct pairs already, and rewrites its pattern as it walks).
   */
  static void distinctDefaultPatterns(TupleExpr expr) {
    expr.visit(new AbstractQueryModelVisitor<RuntimeException>() {
      @Override
      public void meet(ArbitraryLengthPath path) {
      }

      @Override
      public void meet(ZeroLengthPath path) {
      }

      @Override
      public void meet(DescribeOperator describe) {
      }

      @Override
      public void meet(StatementPattern pattern) {
        if (pattern.getScope() == StatementPattern.Scope.DEFAULT_CONTEXTS) {
          pattern.replaceWith(new Distinct(pattern.clone()));
        }
      }
    });
  }

  private static Set<String> variables(StatementPattern pattern) {
    Set<String> names = new LinkedHashSet<>();
    for (Var var : new Var[] {pattern.getSubjectVar(), pattern.getPredicateVar(), pattern.getObjectVar()}) {
      if (!var.hasValue()) {
        names.add(var.getName());
      }
    }
    return names;
  }
}

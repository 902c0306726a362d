package org.dpgfed.harvester.feed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * Reads the feed as a Linked Data Event Stream (TREE): the stream's description, and pages of
 * {@code pageSize} members in sequence order, each linked to the next by time.
 */
public final class FeedPages {
  public static final String LDES = "https://w3id.org/ldes#";
  public static final String TREE = "https://w3id.org/tree#";

  private final Iris iris;
  private final int pageSize;

  public FeedPages(Iris iris, int pageSize) {
    this.iris = iris;
    this.pageSize = pageSize;
  }

  /** The IRIs the pages are written with. */
  public Iris iris() {
    return iris;
  }

  /** One page, and whether it can still change (the newest page can; full older ones cannot). */
  public record Page(Model model, boolean open) {}

  public long pageCount(RepositoryConnection conn) {
    long members = Models.objectLiteral(QueryResults.asModel(
        conn.getStatements(iris.feed(), DPG.SEQUENCE, null, false, iris.feedGraph()))).map(Literal::longValue).orElse(0L);
    return Math.max(1, (members + pageSize - 1) / pageSize);
  }

  public Model stream(RepositoryConnection conn) {
    Model m = header();
    m.add(iris.feed(), Values.iri(TREE, "view"), iris.feedPage(1));
    return m;
  }

  /** Page {@code n} (from 1), or empty when there is no such page. */
  public Optional<Page> page(RepositoryConnection conn, long n) {
    long pages = pageCount(conn);
    if (n < 1 || n > pages) {
      return Optional.empty();
    }
    Model m = header();
    IRI page = iris.feedPage(n);
    m.add(page, RDF.TYPE, Values.iri(TREE, "Node"));
    m.add(iris.feed(), Values.iri(TREE, "view"), iris.feedPage(1));
    for (Resource member : members(conn, (n - 1) * pageSize + 1, n * pageSize)) {
      m.add(iris.feed(), Values.iri(TREE, "member"), member);
      describeMember(conn, member, m);
    }
    if (n < pages) {
      relationTo(conn, page, n + 1, m);
    }
    return Optional.of(new Page(m, n == pages));
  }

  private void relationTo(RepositoryConnection conn, IRI page, long next, Model m) {
    Resource first = members(conn, (next - 1) * pageSize + 1, (next - 1) * pageSize + 1).get(0);
    Literal time = Models.objectLiteral(QueryResults.asModel(
        conn.getStatements(first, PROV.GENERATED_AT_TIME, null, false, iris.feedGraph()))).orElseThrow();
    BNode relation = Values.bnode("relation" + next); // stable labels keep a full page's bytes, and ETag, stable
    m.add(page, Values.iri(TREE, "relation"), relation);
    m.add(relation, RDF.TYPE, Values.iri(TREE, "GreaterThanOrEqualToRelation"));
    m.add(relation, Values.iri(TREE, "node"), iris.feedPage(next));
    m.add(relation, Values.iri(TREE, "path"), PROV.GENERATED_AT_TIME);
    m.add(relation, Values.iri(TREE, "value"), time);
  }

  private Model header() {
    Model m = new LinkedHashModel();
    m.setNamespace("ldes", LDES);
    m.setNamespace("tree", TREE);
    m.setNamespace(DCTERMS.NS);
    m.setNamespace(PROV.NS);
    m.setNamespace(DPG.NS);
    IRI feed = iris.feed();
    m.add(feed, RDF.TYPE, Values.iri(LDES, "EventStream"));
    m.add(feed, Values.iri(LDES, "versionOfPath"), DCTERMS.IS_VERSION_OF);
    m.add(feed, Values.iri(LDES, "timestampPath"), PROV.GENERATED_AT_TIME);
    BNode retention = Values.bnode("retention");
    m.add(feed, Values.iri(LDES, "retentionPolicy"), retention);
    m.add(retention, RDF.TYPE, Values.iri(LDES, "LatestVersionSubset"));
    m.add(retention, Values.iri(LDES, "amount"), Values.literal(Integer.MAX_VALUE));
    m.add(retention, DCTERMS.DESCRIPTION, Values.literal("Every member is kept: no version is ever removed from the feed."));
    return m;
  }

  private List<Resource> members(RepositoryConnection conn, long from, long to) {
    String query = "SELECT ?m WHERE { GRAPH <" + iris.feedGraph() + "> { ?m <" + DCTERMS.IS_VERSION_OF + "> ?p ; <"
        + DPG.SEQUENCE + "> ?n } FILTER(?n >= "
        + from + " && ?n <= " + to + ") } ORDER BY ?n";
    try (var result = conn.prepareTupleQuery(QueryLanguage.SPARQL, query).evaluate()) {
      return result.stream().map(row -> (Resource) ((BindingSet) row).getValue("m")).toList();
    }
  }

  /** The newest member about a product, if the feed has any. */
  public Optional<Resource> latestMember(RepositoryConnection conn, IRI product) {
    String query = "SELECT ?m WHERE { GRAPH <" + iris.feedGraph() + "> { ?m <" + DCTERMS.IS_VERSION_OF + "> <" + product
        + "> ; <" + DPG.SEQUENCE + "> ?n } } ORDER BY DESC(?n) LIMIT 1";
    try (var result = conn.prepareTupleQuery(QueryLanguage.SPARQL, query).evaluate()) {
      return result.hasNext() ? Optional.of((Resource) result.next().getValue("m")) : Optional.empty();
    }
  }

  /**
   * A member, the blank nodes it leads to, and the records that listed the product then: from its
   * snapshot, or (a member written before snapshots) from its statements.
   */
  public void describeMember(RepositoryConnection conn, Resource member, Model m) {
    Deque<Resource> todo = new ArrayDeque<>(List.of(member));
    while (!todo.isEmpty()) {
      Model statements = QueryResults.asModel(conn.getStatements(todo.pop(), null, null, false, iris.feedGraph()));
      for (Statement st : statements) {
        if (st.getPredicate().equals(MemberSnapshot.SNAPSHOT)) {
          long sequence = Models.objectLiteral(statements.filter(member, DPG.SEQUENCE, null)).map(Literal::longValue).orElse(0L);
          m.addAll(MemberSnapshot.read((Literal) st.getObject(), sequence));
          continue;
        }
        m.add(st.getSubject(), st.getPredicate(), st.getObject());
        if (st.getObject() instanceof BNode node) {
          todo.push(node);
        }
      }
    }
    for (Statement st : QueryResults.asModel(conn.getStatements(null, FOAF.PRIMARY_TOPIC, member, false, iris.feedGraph()))) {
      m.add(st.getSubject(), st.getPredicate(), st.getObject());
      QueryResults.asModel(conn.getStatements(st.getSubject(), DCTERMS.SOURCE, null, false, iris.feedGraph()))
          .forEach(s -> m.add(s.getSubject(), s.getPredicate(), s.getObject()));
    }
  }
}

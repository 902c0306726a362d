package org.dpgfed.harvester.harvest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.feed.FeedReader.Member;
import org.dpgfed.harvester.source.feed.FeedReader.OriginRecord;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * Applies feed members to a feed source's graph inside one transaction. Products are named as
 * reconciliation decides (the origin's key under this node's base unless another source's record
 * describes the same product), point at the origin with owl:sameAs, and their record keeps the
 * origin's records and sources as provenance.
 */
final class FeedApply {
  private final RepositoryConnection conn;
  private final Iris iris;
  private final String sourceId;
  private final IRI graph;
  private final IRI run;
  private final Set<IRI> touched = new HashSet<>();
  private int added;
  private int removed;

  FeedApply(RepositoryConnection conn, Iris iris, String sourceId, IRI run) {
    this.conn = conn;
    this.iris = iris;
    this.sourceId = sourceId;
    this.graph = iris.sourceGraph(sourceId);
    this.run = run;
  }

  /** Replaces the member's record, and describes its product under {@code product} (as reconciled). */
  void apply(Member member, IRI product, IRI matchedBy) {
    IRI record = iris.record(sourceId, member.key());
    boolean existed = remove(record);
    added += existed ? 0 : 1;
    touched.add(product);
    forget(product);
    conn.add(record, RDF.TYPE, DCAT.CATALOG_RECORD, graph);
    conn.add(record, FOAF.PRIMARY_TOPIC, product, graph);
    conn.add(record, DCTERMS.SOURCE, iris.source(sourceId), graph);
    conn.add(record, DCTERMS.IDENTIFIER, Values.literal(member.key()), graph);
    conn.add(record, PROV.WAS_GENERATED_BY, run, graph);
    conn.add(record, DPG.MATCHED_BY, matchedBy, graph);
    for (OriginRecord origin : member.records()) {
      conn.add(record, PROV.WAS_DERIVED_FROM, origin.record(), graph);
      if (origin.source() != null) {
        conn.add(origin.record(), DPG.ORIGINAL_SOURCE, origin.source(), graph);
      }
    }
    conn.add(product, OWL.SAMEAS, member.origin(), graph);
    for (Statement st : member.description()) {
      Resource subject = AdaptedRecord.PRODUCT.equals(st.getSubject()) ? product : st.getSubject();
      conn.add(subject, st.getPredicate(), st.getObject(), graph);
    }
  }

  /** Takes the member's record and its product out of the graph (a removal, or a version the shapes refuse). */
  void remove(Member member) {
    removed += remove(iris.record(sourceId, member.key())) ? 1 : 0;
  }

  /** Forgets a record and the product it described here; answers whether it was there. */
  private boolean remove(IRI record) {
    boolean existed = conn.hasStatement(record, RDF.TYPE, DCAT.CATALOG_RECORD, false, graph);
    Models.objectIRI(QueryResults.asModel(conn.getStatements(record, FOAF.PRIMARY_TOPIC, null, false, graph)))
        .ifPresent(product -> {
          touched.add(product);
          forget(product);
        });
    forget(record);
    return existed;
  }

  /** Removes a resource's statements in the graph, with the blank nodes only it leads to. */
  private void forget(Resource resource) {
    Deque<Resource> todo = new ArrayDeque<>();
    todo.push(resource);
    while (!todo.isEmpty()) {
      Resource next = todo.pop();
      for (Statement st : QueryResults.asModel(conn.getStatements(next, null, null, false, graph))) {
        Value object = st.getObject();
        if (object instanceof BNode node) {
          todo.push(node);
        }
        if (st.getPredicate().equals(PROV.WAS_DERIVED_FROM) && object instanceof Resource origin) {
          conn.remove(origin, DPG.ORIGINAL_SOURCE, null, graph);
        }
        conn.remove(st, graph);
      }
    }
  }

  Set<IRI> touched() {
    return touched;
  }

  int added() {
    return added;
  }

  int removed() {
    return removed;
  }
}

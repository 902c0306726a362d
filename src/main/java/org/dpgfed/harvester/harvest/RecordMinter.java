package org.dpgfed.harvester.harvest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.vocab.DPG;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * Gives adapted records the node's IRIs: a record IRI per source id, and one product IRI per
 * real-world good, as {@link ProductKeys} decides (by default, among the run's own records).
 */
public final class RecordMinter {
  private final Iris iris;

  public RecordMinter(Iris iris) {
    this.iris = iris;
  }

  /**
   * What one source's records become: the statements of its graph, what was wrong, and apart from
   * the graph the people the records name as contacts ({@code record dcat:contactPoint person}).
   */
  public record Minted(Model graph, List<IRI> records, List<Problem> problems, int invalid, Model contacts,
      Map<IRI, IdentityIndex.Entry> identities) {}

  /**
   * Where and when the records were harvested.
   *
   * @param document the URL of the document they came from
   * @param at the harvest time
   */
  public record Provenance(String document, Instant at) {}

  public Minted mint(String sourceId, IRI run, List<AdaptedRecord> adapted) {
    return mint(sourceId, run, adapted, null);
  }

  /** Like {@link #mint(String, IRI, List)}, with {@code prov:wasDerivedFrom} and {@code prov:generatedAtTime} on each record. */
  public Minted mint(String sourceId, IRI run, List<AdaptedRecord> adapted, Provenance provenance) {
    return mint(sourceId, run, adapted, provenance, ProductKeys.WITHIN_RUN);
  }

  /** Like {@link #mint(String, IRI, List, Provenance)}, with products decided by {@code productKeys}. */
  Minted mint(String sourceId, IRI run, List<AdaptedRecord> adapted, Provenance provenance, ProductKeys productKeys) {
    RunRecords records = new RunRecords(sourceId, iris);
    adapted.forEach(records::add);
    MintedContent content = new MintedContent(this, records, productKeys.keys(records), run, provenance);
    Model graph = new LinkedHashModel();
    content.forEachBatch(graph::addAll);
    List<Problem> problems = new ArrayList<>();
    records.problems().forEach(problems::add);
    return new Minted(graph, records.records(), problems, records.invalid(), content.takePeople(), records.identities());
  }

  /** One record's statements, with its product as {@code match} says; the people it names go to {@code contacts}. */
  Model mintRecord(AdaptedRecord record, IRI recordIri, Reconciliation.Match match, String sourceId, IRI run,
      Provenance provenance, Model contacts) {
    Model graph = new LinkedHashModel();
    describe(graph, record, recordIri, iris.product(match.key()), sourceId, run);
    if (match.rule() != null) {
      graph.add(recordIri, DPG.MATCHED_BY, match.rule());
    }
    separateContacts(graph, contacts, recordIri);
    if (provenance != null) {
      graph.add(recordIri, PROV.WAS_DERIVED_FROM, Values.iri(provenance.document()));
      graph.add(recordIri, PROV.GENERATED_AT_TIME, Values.literal(provenance.at().toString(), XSD.DATETIME));
    }
    return graph;
  }

  IRI product(Reconciliation.Match match) {
    return iris.product(match.key());
  }

  /** Moves the people a record names out of the graph: they never go where the public can read. */
  private static void separateContacts(Model graph, Model contacts, IRI recordIri) {
    for (Resource person : List.copyOf(graph.filter(null, RDF.TYPE, VCARD4.INDIVIDUAL).subjects())) {
      for (Statement st : List.copyOf(graph.filter(null, null, person))) {
        contacts.add(recordIri, DCAT.CONTACT_POINT, person);
        graph.remove(st);
      }
      for (Statement st : List.copyOf(graph.filter(person, null, null))) {
        contacts.add(st);
        graph.remove(st);
      }
    }
  }

  private void describe(Model graph, AdaptedRecord record, IRI recordIri, IRI product, String sourceId, IRI run) {
    graph.add(recordIri, RDF.TYPE, DCAT.CATALOG_RECORD);
    graph.add(recordIri, FOAF.PRIMARY_TOPIC, product);
    graph.add(recordIri, DCTERMS.SOURCE, iris.source(sourceId));
    if (record.id() != null) {
      graph.add(recordIri, DCTERMS.IDENTIFIER, Values.literal(record.id()));
    }
    record.otherIds().forEach(id -> graph.add(recordIri, DCTERMS.IDENTIFIER, Values.literal(id)));
    graph.add(recordIri, PROV.WAS_GENERATED_BY, run);
    Map<BNode, BNode> nodes = new HashMap<>();
    String prefix = "r" + Identity.hash16(recordIri.stringValue()) + "n";
    for (Statement st : record.description()) {
      graph.add((Resource) swap(st.getSubject(), recordIri, product, nodes, prefix), st.getPredicate(),
          swap(st.getObject(), recordIri, product, nodes, prefix));
    }
  }

  /**
   * The placeholders become the record's and product's IRIs; a blank node gets a label made of the
   * record's IRI and its place among the record's nodes, the same at every run that reads the same
   * record, so that a run writing a changed source's graph finds it unchanged (see GraphDiff).
   */
  private static Value swap(Value value, IRI recordIri, IRI product, Map<BNode, BNode> nodes, String prefix) {
    if (AdaptedRecord.PRODUCT.equals(value)) {
      return product;
    }
    if (value instanceof BNode node) {
      return nodes.computeIfAbsent(node, n -> Values.bnode(prefix + nodes.size()));
    }
    return AdaptedRecord.RECORD.equals(value) ? recordIri : value;
  }


}

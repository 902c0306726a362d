package org.dpgfed.harvester.harvest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.source.AdaptedRecord;
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
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * Gives adapted records the node's IRIs: a record IRI per source id, and one product IRI per
 * real-world good. Records that share an identity string describe one product, whose key is the
 * smallest key among all their identity strings, so harvest order never changes a key.
 */
public final class RecordMinter {
  private final Iris iris;

  public RecordMinter(Iris iris) {
    this.iris = iris;
  }

  /** What one source's records become: the statements of its graph and what was wrong. */
  public record Minted(Model graph, List<IRI> records, List<Problem> problems, int invalid) {}

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
    List<Problem> problems = new ArrayList<>();
    Map<String, AdaptedRecord> byLocalId = new LinkedHashMap<>();
    int invalid = 0;
    for (AdaptedRecord record : adapted) {
      String localId = Identity.localId(record);
      String label = localId == null ? sourceId : iris.record(sourceId, localId).stringValue();
      record.problems().forEach(p -> problems.add(p.withRecord(label)));
      if (localId == null) {
        problems.add(Problem.violation(sourceId, null, "a record has no id, repository or website to name it by"));
        invalid++;
      } else if (!record.valid()) {
        invalid++;
      } else if (byLocalId.put(localId, record) != null) {
        problems.add(Problem.warning(label, null, "two records have the id '" + localId + "'; the last one wins"));
      }
    }
    Map<String, String> keys = productKeys(sourceId, byLocalId);
    Model graph = new LinkedHashModel();
    List<IRI> records = new ArrayList<>();
    byLocalId.forEach((localId, record) -> {
      IRI recordIri = iris.record(sourceId, localId);
      records.add(recordIri);
      describe(graph, record, recordIri, iris.product(keys.get(localId)), sourceId, run);
      if (provenance != null) {
        graph.add(recordIri, PROV.WAS_DERIVED_FROM, Values.iri(provenance.document()));
        graph.add(recordIri, PROV.GENERATED_AT_TIME, Values.literal(provenance.at().toString(), XSD.DATETIME));
      }
    });
    return new Minted(graph, records, problems, invalid);
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
    for (Statement st : record.description()) {
      graph.add(swap(st.getSubject(), recordIri, product), st.getPredicate(),
          (Value) swap(st.getObject(), recordIri, product));
    }
  }

  private static <T extends Value> Value swap(T value, IRI recordIri, IRI product) {
    if (AdaptedRecord.PRODUCT.equals(value)) {
      return product;
    }
    return AdaptedRecord.RECORD.equals(value) ? recordIri : value;
  }

  private static Resource swap(Resource value, IRI recordIri, IRI product) {
    return (Resource) swap((Value) value, recordIri, product);
  }

  /** Union-find over identity strings; each group's key is the smallest key of its strings. */
  private static Map<String, String> productKeys(String sourceId, Map<String, AdaptedRecord> byLocalId) {
    Map<String, String> parent = new HashMap<>();
    Map<String, List<String>> stringsOf = new HashMap<>();
    byLocalId.forEach((localId, record) -> {
      List<String> strings = Identity.identityStrings(record, sourceId, localId);
      stringsOf.put(localId, strings);
      String root = find(parent, "rec#" + localId);
      for (String s : strings) {
        parent.put(find(parent, s), root);
      }
    });
    Map<String, String> smallestKey = new HashMap<>();
    stringsOf.forEach((localId, strings) -> {
      String root = find(parent, "rec#" + localId);
      for (String s : strings) {
        smallestKey.merge(root, Identity.key(s), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    });
    Map<String, String> keys = new HashMap<>();
    stringsOf.keySet().forEach(localId -> keys.put(localId, smallestKey.get(find(parent, "rec#" + localId))));
    return keys;
  }

  private static String find(Map<String, String> parent, String node) {
    String root = node;
    while (parent.containsKey(root) && !parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    parent.putIfAbsent(node, root);
    parent.putIfAbsent(root, root);
    return root;
  }
}

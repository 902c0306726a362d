package org.dpgfed.harvester.source.rdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.vocab.DPG;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;

/**
 * Finds the products an RDF document describes (DCAT datasets, ADMS assets, schema.org and
 * CodeMeta software) and makes one record of each: the source's own statements about it and
 * about what hangs off it, minus personal data, plus the aligned terms of the product model.
 */
final class Products {
  /** Each product class and the product type it implies. */
  static final Map<IRI, IRI> CLASSES = Map.of(
      DCAT.DATASET, DPG.DATA, Schema.DATASET, DPG.DATA,
      Schema.SOFTWARE_SOURCE_CODE, DPG.SOFTWARE, Schema.SOFTWARE_APPLICATION, DPG.SOFTWARE,
      Schema.ADMS_ASSET, DPG.STANDARD);
  /** People: their statements are personal data and are never kept. */
  private static final Set<IRI> PEOPLE = Set.of(FOAF.PERSON, Values.iri(Schema.SCHEMA, "Person"),
      VCARD4.INDIVIDUAL, VCARD4.KIND, VCARD4.ORGANIZATION);
  private static final Set<IRI> CONTACTS = Set.of(DCAT.CONTACT_POINT, Values.iri(Schema.SCHEMA, "email"),
      Values.iri(Schema.SCHEMA, "telephone"), FOAF.MBOX);
  private static final int MAX_DEPTH = 4;

  private Products() {}

  static List<AdaptedRecord> of(Model model) {
    Model aligned = SchemaOrg.toHttp(model);
    List<AdaptedRecord> records = new ArrayList<>();
    Set<Resource> products = subjects(aligned);
    for (Resource subject : products) {
      Draft draft = new Draft(id(aligned, subject).orElse(null), "<" + subject.stringValue() + ">");
      copy(aligned, subject, products, draft);
      Alignment.map(aligned, subject, draft);
      records.add(draft.build());
    }
    return records;
  }

  private static Set<Resource> subjects(Model model) {
    Set<Resource> found = new LinkedHashSet<>();
    CLASSES.keySet().forEach(c -> found.addAll(model.filter(null, RDF.TYPE, c).subjects()));
    return found;
  }

  /** An IRI names itself; a blank node goes by its dct:identifier or schema:identifier. */
  private static Optional<String> id(Model model, Resource subject) {
    if (subject.isIRI()) {
      return Optional.of(subject.stringValue());
    }
    return Models.getPropertyString(model, subject, DCTERMS.IDENTIFIER)
        .or(() -> Models.getPropertyString(model, subject, Schema.IDENTIFIER));
  }

  /** The product's statements, and those of the nodes it reaches (a few links deep), people left out. */
  private static void copy(Model model, Resource product, Set<Resource> products, Draft draft) {
    Set<Resource> seen = new HashSet<>();
    Deque<Resource> todo = new ArrayDeque<>(List.of(product));
    Map<Resource, Integer> depth = new HashMap<>(Map.of(product, 0));
    while (!todo.isEmpty()) {
      Resource node = todo.poll();
      if (!seen.add(node) || isPerson(model, node)) {
        continue;
      }
      for (Statement st : model.filter(node, null, null)) {
        if (CONTACTS.contains(st.getPredicate()) || isPerson(model, st.getObject()) || mail(st.getObject())) {
          continue;
        }
        Resource subject = node.equals(product) ? AdaptedRecord.PRODUCT : node;
        Value object = product.equals(st.getObject()) ? AdaptedRecord.PRODUCT : st.getObject();
        draft.add(subject, st.getPredicate(), object);
        if (st.getObject().isResource() && depth.get(node) < MAX_DEPTH && !products.contains(st.getObject())) {
          depth.putIfAbsent((Resource) st.getObject(), depth.get(node) + 1);
          todo.add((Resource) st.getObject());
        }
      }
    }
  }

  private static boolean isPerson(Model model, Value value) {
    return value.isResource() && PEOPLE.stream().anyMatch(type -> model.contains((Resource) value, RDF.TYPE, type));
  }

  private static boolean mail(Value value) {
    return value.stringValue().regionMatches(true, 0, "mailto:", 0, 7) || value.stringValue().regionMatches(true, 0, "tel:", 0, 4);
  }
}

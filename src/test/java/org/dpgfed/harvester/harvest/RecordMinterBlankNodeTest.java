package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** A record's blank nodes are labelled the same at every run that reads it, and apart from other records'. */
class RecordMinterBlankNodeTest {
  private final Iris iris = new Iris("https://dpg.example.org");

  @Test
  void aRecordsBlankNodesKeepTheirLabelsFromRunToRun() {
    Model first = mint(record("x-road", "Nordic Institute"), record("mosip", "IIIT-B"));
    Model again = mint(record("x-road", "Nordic Institute"), record("mosip", "IIIT-B"));
    assertEquals(withoutRun(first), withoutRun(again), "the same statements, blank node labels included");
    Set<BNode> nodes = first.subjects().stream().filter(BNode.class::isInstance).map(BNode.class::cast)
        .collect(Collectors.toSet());
    assertEquals(4, nodes.size(), "two nodes a record, none shared between records");
  }

  /** A record whose description names its rights holder and its licence holder, each a blank node. */
  private static AdaptedRecord record(String id, String owner) {
    Model description = new LinkedHashModel();
    for (String role : List.of("rights", "licence")) {
      BNode agent = Values.bnode(); // labelled afresh, as a mapping does at every read
      description.add(agent, RDF.TYPE, FOAF.AGENT);
      description.add(agent, FOAF.NAME, Values.literal(owner + " " + role));
      description.add(AdaptedRecord.PRODUCT, DCTERMS.RIGHTS_HOLDER, agent);
    }
    description.add(AdaptedRecord.PRODUCT, DCTERMS.TITLE, Values.literal(id));
    return new AdaptedRecord(id, List.of(), List.of("https://github.com/example/" + id), List.of(), description, List.of());
  }

  private Model mint(AdaptedRecord... records) {
    return new RecordMinter(iris).mint("ee", iris.run("r" + System.nanoTime()), List.of(records)).graph();
  }

  /** The statements as a plain set (a model's equality ignores blank node labels), less the run's. */
  private static Set<Statement> withoutRun(Model m) {
    Set<Statement> kept = m.stream().filter(st -> !st.getPredicate().equals(PROV.WAS_GENERATED_BY))
        .collect(Collectors.toSet());
    assertTrue(kept.size() < m.size());
    return kept;
  }
}

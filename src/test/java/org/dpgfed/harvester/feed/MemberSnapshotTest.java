package org.dpgfed.harvester.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Statements;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.junit.jupiter.api.Test;

class MemberSnapshotTest {
  private static final IRI MEMBER = Values.iri("https://node.example.org/id/product/k/version/7");

  private static List<Statement> description() {
    BNode publisher = Values.bnode("anything");
    return List.of(Statements.statement(MEMBER, DCTERMS.TITLE, Values.literal("Água \"quoted\"\nline", "pt"), null),
        Statements.statement(MEMBER, DCTERMS.PUBLISHER, publisher, null),
        Statements.statement(publisher, FOAF.NAME, Values.literal("Ministry"), null),
        Statements.statement(MEMBER, FOAF.HOMEPAGE, Values.iri("https://example.org/água/x?q=1"), null),
        Statements.statement(MEMBER, DCTERMS.ISSUED, Values.literal(java.time.LocalDate.of(2024, 5, 1)), null));
  }

  @Test
  void aSnapshotReadsBackAsTheDescriptionItKept() {
    Model back = MemberSnapshot.read(MemberSnapshot.write(description()), 7);
    assertTrue(Models.isomorphic(new LinkedHashModel(description()), back), back.toString());
  }

  @Test
  void itsBlankNodesHaveTheSameLabelsAtEveryReadAndDifferFromOtherMembers() {
    var text = MemberSnapshot.write(description());
    BNode first = (BNode) MemberSnapshot.read(text, 7).filter(MEMBER, DCTERMS.PUBLISHER, null).objects().iterator().next();
    BNode again = (BNode) MemberSnapshot.read(text, 7).filter(MEMBER, DCTERMS.PUBLISHER, null).objects().iterator().next();
    BNode other = (BNode) MemberSnapshot.read(text, 8).filter(MEMBER, DCTERMS.PUBLISHER, null).objects().iterator().next();
    assertEquals(first, again);
    assertNotEquals(first, other);
  }
}

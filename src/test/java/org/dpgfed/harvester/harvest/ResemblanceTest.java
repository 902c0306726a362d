package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.vocab.DPG;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.junit.jupiter.api.Test;

/** Names and organisations as reconciliation compares them, from real values of the registries. */
class ResemblanceTest {
  @Test
  void cleanedNamesIgnoreCaseMarksSpacesAndPunctuation() {
    assertEquals(Set.of("xroad"), Resemblance.variants("X-Road®")); // publiccode.yml of nordic-institute/X-Road
    assertEquals(Resemblance.variants("OpenBoxes"), Resemblance.variants("Open Boxes")); // DPGA and Global Goods Guidebook
    assertEquals(Set.of("zeta"), Resemblance.variants("ZETA™"));
    assertEquals(Set.of("sormas"), Resemblance.variants("SORMAS "));
  }

  @Test
  void aBracketCountsAsANameOnlyWhenItHoldsTheInitials() {
    assertEquals(Set.of("communityhealthtoolkit", "cht"), Resemblance.variants("Community Health Toolkit (CHT)"));
    assertEquals(Set.of("openconceptlab", "ocl"), Resemblance.variants("Open Concept Lab (OCL)"));
    assertEquals(Set.of("alpha"), Resemblance.variants("Alpha (US)"));
  }

  @Test
  void namesCarryEveryProductTypeAndAliases() {
    Model d = new LinkedHashModel();
    d.add(AdaptedRecord.PRODUCT, DCTERMS.TITLE, Values.literal("DHIS2", "en"));
    d.add(AdaptedRecord.PRODUCT, DCTERMS.ALTERNATIVE, Values.literal("District Health Information System 2", "en"));
    d.add(AdaptedRecord.PRODUCT, DCTERMS.TYPE, DPG.SOFTWARE);
    d.add(AdaptedRecord.PRODUCT, DCTERMS.TYPE, DPG.STANDARD);
    assertEquals(Set.of("software|dhis2", "standard|dhis2", "software|districthealthinformationsystem2",
        "standard|districthealthinformationsystem2"), Resemblance.names(record(d)));
  }

  @Test
  void organisationsComeFromRepositoriesWebsitesAndPublishers() {
    Model d = new LinkedHashModel();
    d.add(AdaptedRecord.PRODUCT, Schema.CODE_REPOSITORY, Values.iri("https://github.com/dhis2"));
    d.add(AdaptedRecord.PRODUCT, Schema.CODE_REPOSITORY, Values.iri("https://github.com/hisp/dhis2-core"));
    d.add(AdaptedRecord.PRODUCT, Schema.CODE_REPOSITORY, Values.iri("https://invent.kde.org/education/gcompris"));
    d.add(AdaptedRecord.PRODUCT, FOAF.HOMEPAGE, Values.iri("https://www.dhis2.org/about"));
    d.add(AdaptedRecord.PRODUCT, FOAF.HOMEPAGE, Values.iri("https://github.com/johnsonandjohnson/vxnaid/wiki"));
    d.add(AdaptedRecord.PRODUCT, DCTERMS.PUBLISHER, Values.bnode("p"));
    d.add(Values.bnode("p"), FOAF.NAME, Values.literal("HISP Centre, University of Oslo"));
    assertEquals(Set.of("account:github.com/dhis2", "owner:github.com/hisp", "owner:invent.kde.org", "site:dhis2.org",
        "owner:github.com/johnsonandjohnson", "org:hispcentreuniversityofoslo"), Resemblance.organisations(record(d)));
  }

  private static AdaptedRecord record(Model description) {
    return new AdaptedRecord(null, List.of(), List.of(), List.of(), description, List.of());
  }
}

package org.dpgfed.harvester.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.Test;

class DatesTest {
  @Test
  void readsAnUnquotedYamlDateAsXsdDate() {
    // X-Road's publiccode.yml: "releaseDate: 2026-02-02"
    assertEquals(Optional.of(Values.literal("2026-02-02", XSD.DATE)), Dates.literal("2026-02-02"));
  }

  @Test
  void readsAYamlTimestampWithASpaceAsXsdDateTime() {
    assertEquals(Optional.of(Values.literal("2021-03-08T10:00:00", XSD.DATETIME)), Dates.literal("2021-03-08 10:00:00"));
  }

  @Test
  void readsAnIsoDateTimeWithItsOffset() {
    // the Developers Italia catalogue's createdAt
    Optional<Literal> read = Dates.literal("2022-10-11T12:00:30.212753Z");
    assertEquals(Optional.of(Values.literal("2022-10-11T12:00:30.212753Z", XSD.DATETIME)), read);
  }

  @Test
  void readsACodeJsonDateOnlyAsXsdDate() {
    // HHS.json: "lastModified": "2014-02-07"
    assertEquals(XSD.DATE, Dates.literal("2014-02-07").orElseThrow().getDatatype());
  }

  @Test
  void refusesWhatIsNotAnIsoDate() {
    // dataset_deri.ttl: dct:issued "06/05/2009"; USAID.json: "created": ""
    assertEquals(Optional.empty(), Dates.literal("06/05/2009"));
    assertEquals(Optional.empty(), Dates.literal(""));
    assertEquals(Optional.empty(), Dates.literal("2020-13-45"));
  }
}

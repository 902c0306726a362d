package org.dpgfed.harvester.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicencesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // deprecated ids the DPGA registry still uses (GPL-3.0 alone: 31 DPGs)
      "GPL-3.0, GPL-3.0-only", "AGPL-3.0, AGPL-3.0-only", "LGPL-3.0, LGPL-3.0-only", "GPL-2.0, GPL-2.0-only",
      "LGPL-2.1, LGPL-2.1-only",
      // the "+" (or later) forms
      "GPL-2.0+, GPL-2.0-or-later", "GPL-3.0+, GPL-3.0-or-later", "LGPL-2.1+, LGPL-2.1-or-later",
      // not an id, but only one thing it can mean
      "CC0, CC0-1.0",
      // CodeMeta writes licences as URLs
      "https://spdx.org/licenses/MIT, MIT", "http://spdx.org/licenses/Apache-2.0.html, Apache-2.0",
      // Global Goods Guidebook and publiccode.yml files write ids in lower case
      "agpl-3.0, AGPL-3.0-only", "apache-2.0, Apache-2.0", "cc-by-4.0, CC-BY-4.0",
      // outside the DPGA schema's enum, but SPDX ids all the same
      "EUPL-1.1, EUPL-1.1", "TAPR-OHL-1.0, TAPR-OHL-1.0",
      // SPDX replaced these with other ids
      "wxWindows, GPL-2.0-or-later", "StandardML-NJ, SMLNJ",
      // deprecated without a replacement: still resolves, so kept
      "Nunit, Nunit"})
  void readsOneIdAsTheCurrentId(String written, String current) {
    assertEquals(Optional.of(current), Licences.current(written));
    assertEquals(new Licences.Reading(List.of(current), List.of()), Licences.read(written));
  }

  @Test
  void readsEveryIdOfACompoundExpression() {
    // publiccode.yml in the wild: "LGPL-3.0-or-later AND MPL-2.0+"
    assertEquals(List.of("LGPL-3.0-or-later", "MPL-2.0"), Licences.read("LGPL-3.0-or-later AND MPL-2.0+").ids());
    assertEquals(List.of("MIT", "Apache-2.0", "CC0-1.0"), Licences.read("(MIT OR Apache-2.0) AND CC0").ids());
  }

  @Test
  void skipsTheExceptionOfAWithClause() {
    assertEquals(new Licences.Reading(List.of("GPL-2.0-only"), List.of()),
        Licences.read("GPL-2.0-only WITH Classpath-exception-2.0"));
  }

  @Test
  void reportsWhatIsNotAnId() {
    assertEquals(new Licences.Reading(List.of(), List.of("Apache License 2.0")), Licences.read("Apache License 2.0"));
    assertEquals(new Licences.Reading(List.of("MIT"), List.of("Proprietary")), Licences.read("MIT OR Proprietary"));
    assertEquals(Optional.empty(), Licences.current("Proprietary"));
  }

  @Test
  void readsNothingFromBlanks() {
    assertEquals(new Licences.Reading(List.of(), List.of()), Licences.read("  "));
    assertEquals(new Licences.Reading(List.of(), List.of()), Licences.read(null));
  }

  @Test
  void givesTheSpdxIri() {
    assertEquals("http://spdx.org/licenses/GPL-3.0-only", Licences.iri("GPL-3.0-only").stringValue());
  }
}

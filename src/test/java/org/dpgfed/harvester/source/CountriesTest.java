package org.dpgfed.harvester.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountriesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // ISO short names, in any case, with or without accents
      "Kenya|KEN", "Côte d'Ivoire|CIV", "Cote d’Ivoire|CIV", "  norway |NOR", "Korea, Republic of|KOR",
      // the names the DPGA registry uses that are not ISO names (reference/iso3166/PROVENANCE.md)
      "VietNam|VNM", "Vietnam|VNM", "Czechia (Czech Republic)|CZE", "Eswatini (fmr. 'Swaziland')|SWZ",
      "Congo (Congo-Brazzaville)|COG", "Democratic Republic of the Congo|COD", "Palestine State|PSE",
      "Saint Vincent and The Grenadines|VCT", "Tanzania|TZA", "Bolivia|BOL", "United Kingdom|GBR",
      "United States|USA", "Russia|RUS", "South Korea|KOR", "North Korea|PRK", "Laos|LAO", "Syria|SYR",
      "Turkey|TUR", "Netherlands|NLD", "Iran|IRN", "Micronesia|FSM", "Brunei|BRN", "Taiwan|TWN",
      "Moldova|MDA", "Venezuela|VEN", "Virgin Islands, British|VGB", "Virgin Islands, U.S.|VIR",
      "Caribbean Netherlands|BES",
      // Kosovo has no ISO code; XKX is the EU authority's
      "Kosovo|XKX", "XK|XKX",
      // codes, as publiccode.yml and the Global Goods Guidebook write them
      "IT|ITA", "dz|DZA", "ITA|ITA", "UK|GBR"})
  void readsANameOrCodeAsAlpha3(String written, String alpha3) {
    assertEquals(Optional.of(alpha3), Countries.alpha3(written));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "Worldwide", "Global", "Atlantis", "ZZ"})
  void knowsNoCountryForTheRest(String written) {
    assertEquals(Optional.empty(), Countries.alpha3(written));
  }

  @Test
  void givesTheEuAuthorityIri() {
    assertEquals("http://publications.europa.eu/resource/authority/country/XKX", Countries.iri("XKX").stringValue());
  }
}

package org.dpgfed.harvester.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguagesTest {
  @Test
  void lowerCasesAnUpperCasePrimaryLanguage() {
    // ComuneDiFerrara's publiccode.yml: "description: IT:"
    assertEquals(Optional.of("it"), Languages.tag("IT"));
  }

  @Test
  void keepsTheRegionUpperCase() {
    // the Developers Italia catalogue: "description: it-IT:"
    assertEquals(Optional.of("it-IT"), Languages.tag("it-IT"));
    assertEquals(Optional.of("pt-BR"), Languages.tag("pt_br"));
  }

  @Test
  void titleCasesTheScript() {
    assertEquals(Optional.of("sr-Latn-ME"), Languages.tag("SR-latn-me"));
  }

  @Test
  void refusesWhatIsNotATag() {
    assertEquals(Optional.empty(), Languages.tag("Italiano"));
    assertEquals(Optional.empty(), Languages.tag(""));
    assertEquals(Optional.empty(), Languages.tag("en us"));
  }
}

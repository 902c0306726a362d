package org.dpgfed.harvester.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SdgsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "SDG4: Quality Education|4", // DPGA v2 detail
      "SDG16: Peace\u00b8 Justice and Strong Institutions|16", // v2 README: a cedilla where a comma belongs
      "SDG-3|3", // Global Goods Guidebook
      "SDG 03|3", "sdg17|17", "Goal 13|13", "16.6.1|16", "7|7"})
  void readsTheGoalOfAText(String text, int goal) {
    assertEquals(OptionalInt.of(goal), Sdgs.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Quality Education", "SDG99: none", "0", "18", "100", "SDG"})
  void readsNoGoalWhereThereIsNone(String text) {
    assertEquals(OptionalInt.empty(), Sdgs.parse(text));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "3|3", // v1: "SDGNumber": 3
      "3.0|3",
      "[16, \"Peace, Justice and Strong Institutions\"]|16", // excluded-nominees/acceda.json, before schema 0.7.0
      "{\"SDGNumber\": 3, \"evidenceText\": \"…\"}|3",
      "{\"SDGNumber\": \"SDG-5\"}|5",
      "\"SDG4: Quality Education\"|4"})
  void readsEveryJsonShape(String json, int goal) throws Exception {
    assertEquals(OptionalInt.of(goal), Sdgs.parse(JSON.readTree(json)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "[]", "{}", "{\"evidenceText\": \"no number\"}", "3.5", "true"})
  void readsNoGoalFromOtherJson(String json) throws Exception {
    assertEquals(OptionalInt.empty(), Sdgs.parse(JSON.readTree(json)));
  }

  @Test
  void givesTheUnpaddedUnIri() {
    assertEquals("http://metadata.un.org/sdg/3", Sdgs.iri(3).stringValue());
  }
}

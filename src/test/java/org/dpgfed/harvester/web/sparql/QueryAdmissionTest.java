package org.dpgfed.harvester.web.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.dpgfed.harvester.config.Config;
import org.junit.jupiter.api.Test;

/** The line before sparql.maxConcurrent: who gets a place, and when. */
class QueryAdmissionTest {
  static QueryAdmission admission(int maxConcurrent) {
    return new QueryAdmission(new Config.Sparql(Duration.ofSeconds(30), 100, 8, 1000, maxConcurrent,
        Duration.ofMinutes(1), List.of()), Clock.systemUTC());
  }

  @Test
  void queriesBeyondThePlacesWaitAndTakeFreedPlacesInTheOrderTheyCame() {
    QueryAdmission admission = admission(1);
    QueryAdmission.Waiting first = admission.admit("a");
    QueryAdmission.Waiting second = admission.admit("b");
    QueryAdmission.Waiting third = admission.admit("c");
    assertTrue(first.ticket().succeeded());
    assertFalse(second.ticket().isComplete());
    assertFalse(third.ticket().isComplete());
    assertEquals(2, admission.waiting());
    first.ticket().result().release();
    assertTrue(second.ticket().succeeded(), "the first in line takes the freed place");
    assertFalse(third.ticket().isComplete());
    second.ticket().result().release();
    assertTrue(third.ticket().succeeded());
    assertEquals(0, admission.waiting());
  }

  @Test
  void aQueryThatGaveUpWaitingIsPassedOverAndOneWithAPlaceCannotGiveUp() {
    QueryAdmission admission = admission(1);
    QueryAdmission.Waiting running = admission.admit("a");
    QueryAdmission.Waiting impatient = admission.admit("b");
    QueryAdmission.Waiting patient = admission.admit("c");
    assertTrue(impatient.giveUp());
    assertFalse(running.giveUp(), "a query holding a place is not in line");
    running.ticket().result().release();
    assertFalse(impatient.ticket().isComplete());
    assertTrue(patient.ticket().succeeded());
    patient.ticket().result().release();
    assertTrue(admission.admit("d").ticket().succeeded(), "every place is free again");
  }

  @Test
  void maxConcurrentZeroMeansOnePlacePerCore() {
    int cores = Runtime.getRuntime().availableProcessors();
    QueryAdmission admission = admission(0);
    for (int i = 0; i < cores; i++) {
      assertTrue(admission.admit("a").ticket().succeeded());
    }
    assertFalse(admission.admit("a").ticket().isComplete(), "one more than the cores waits");
  }
}

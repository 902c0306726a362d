package org.dpgfed.harvester.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void readsDelaySeconds() {
    assertEquals(0, RetryAfter.millis("0", NOW));
    assertEquals(120_000, RetryAfter.millis(" 120 ", NOW));
  }

  @Test
  void readsAnHttpDate() {
    assertEquals(90_000, RetryAfter.millis("Sun, 01 Mar 2026 12:01:30 GMT", NOW));
  }

  @Test
  void treatsADateInThePastAsNoWait() {
    assertEquals(0, RetryAfter.millis("Sun, 01 Mar 2026 11:00:00 GMT", NOW));
  }

  @Test
  void capsWhatAServerMayAskFor() {
    assertEquals(RetryAfter.MAX.toMillis(), RetryAfter.millis("86400", NOW));
    assertEquals(RetryAfter.MAX.toMillis(), RetryAfter.millis("99999999999999999999", NOW));
    assertEquals(RetryAfter.MAX.toMillis(), RetryAfter.millis("Mon, 02 Mar 2026 12:00:00 GMT", NOW));
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertEquals(-1, RetryAfter.millis(null, NOW));
    assertEquals(-1, RetryAfter.millis("", NOW));
    assertEquals(-1, RetryAfter.millis("-5", NOW));
    assertEquals(-1, RetryAfter.millis("soon", NOW));
    assertEquals(-1, RetryAfter.millis("2026-03-01T12:01:30Z", NOW));
  }
}

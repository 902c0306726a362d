package org.dpgfed.harvester.source;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What every source adapter promises about pages it cannot read: it throws an
 * {@link AdapterException} whose message helps the operator, and never returns half a page.
 * Every adapter's test extends this class.
 */
public abstract class AdapterContractTest {
  protected static final String URL = "https://registry.example.org/source";

  protected abstract SourceAdapter adapter();

  /** A body broken on its third line, in the adapter's syntax (JSON unless overridden). */
  protected byte[] malformed() {
    return "[\n  {\"name\": \"DHIS2\",\n   \"type\": [\"software\"}\n]".getBytes(StandardCharsets.UTF_8);
  }

  /** A body in the adapter's syntax with one character encoded as ISO-8859-1, not UTF-8. */
  protected byte[] latin1() {
    return "{\"name\": \"Côte d'Ivoire\"}".getBytes(StandardCharsets.ISO_8859_1);
  }

  protected AdaptedPage adapt(byte[] body) throws AdapterException {
    return adapter().adapt(new Page(URL, null, body));
  }

  @Test
  void rejectsAnEmptyBody() {
    AdapterException e = assertThrows(AdapterException.class, () -> adapt(new byte[0]));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void rejectsABodyOfOnlyWhitespace() {
    assertThrows(AdapterException.class, () -> adapt(" \r\n\t".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void rejectsMalformedInputNamingLineAndColumn() {
    AdapterException e = assertThrows(AdapterException.class, () -> adapt(malformed()));
    assertTrue(e.getMessage().matches("(?s).*line 3, column \\d+.*"), e.getMessage());
    assertTrue(e.getMessage().contains(URL), "the message names the page: " + e.getMessage());
  }

  @Test
  void rejectsInputThatIsNotUtf8NamingWhere() {
    AdapterException e = assertThrows(AdapterException.class, () -> adapt(latin1()));
    assertTrue(e.getMessage().contains("UTF-8") && e.getMessage().matches("(?s).*line 1, column \\d+.*"),
        e.getMessage());
  }
}

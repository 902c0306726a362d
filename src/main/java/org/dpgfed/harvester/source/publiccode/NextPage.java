package org.dpgfed.harvester.source.publiccode;

import java.net.URI;
import java.util.Optional;

/**
 * The next page's absolute URL from {@code links.next}, which the Developers Italia API writes as
 * a bare query ({@code ?page[after]=…}); square brackets are percent-encoded so that the URL parses.
 */
final class NextPage {
  private NextPage() {}

  /** Empty when {@code next} is not a URL reference at all. */
  static Optional<String> resolve(String pageUrl, String next) {
    String encoded = next.replace("[", "%5B").replace("]", "%5D");
    String base = pageUrl.replace("[", "%5B").replace("]", "%5D");
    try {
      if (encoded.startsWith("?")) { // java.net.URI would also drop the last path segment
        int query = base.indexOf('?');
        return Optional.of((query < 0 ? base : base.substring(0, query)) + encoded);
      }
      return Optional.of(URI.create(base).resolve(URI.create(encoded)).toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

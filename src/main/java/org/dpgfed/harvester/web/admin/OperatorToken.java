package org.dpgfed.harvester.web.admin;

import java.time.Instant;
import java.util.List;

/**
 * An operator's token as the node keeps it: who it is for, the source-id patterns it may manage
 * ({@code *} matches any run of characters), and the salted hash of its secret.
 */
record OperatorToken(String id, String name, List<String> sources, Instant createdAt, TokenHash secret) {
  OperatorToken {
    sources = List.copyOf(sources);
  }

  Principal principal() {
    return Principal.operator(name, sources);
  }
}

package org.dpgfed.harvester.web.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The operators' tokens, kept in {@code <dataDir>/operator-tokens.json} as salted hashes (never in
 * RDF). Reads come from memory; a change is written to the file first, then takes effect at once.
 * Blocking: call from a worker, except {@link #match} and {@link #list}.
 */
public final class OperatorTokens {
  private static final String FILE = "operator-tokens.json";
  private static final HexFormat HEX = HexFormat.of();

  private final Path file;
  private volatile List<OperatorToken> tokens;

  private OperatorTokens(Path file, List<OperatorToken> tokens) {
    this.file = file;
    this.tokens = List.copyOf(tokens);
  }

  public static OperatorTokens load(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    List<OperatorToken> tokens = new ArrayList<>();
    try {
      if (Files.exists(file)) {
        new JsonObject(Files.readString(file)).getJsonArray("tokens")
            .forEach(entry -> tokens.add(fromJson((JsonObject) entry)));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the operator tokens in " + file + ": " + e.getMessage(), e);
    }
    return new OperatorTokens(file, tokens);
  }

  /** A new token; its secret is returned here and nowhere else. */
  synchronized Issued issue(String name, List<String> sources, Instant now) {
    String secret = TokenHash.newToken();
    OperatorToken token = new OperatorToken(HEX.formatHex(TokenHash.random(8)), name, sources, now, TokenHash.of(secret));
    List<OperatorToken> next = new ArrayList<>(tokens);
    next.add(token);
    save(next);
    return new Issued(token, secret);
  }

  record Issued(OperatorToken token, String secret) {}

  /** @return false when there is no such token */
  synchronized boolean revoke(String id) {
    List<OperatorToken> next = tokens.stream().filter(t -> !t.id().equals(id)).toList();
    if (next.size() == tokens.size()) {
      return false;
    }
    save(next);
    return true;
  }

  /** Sorted by id, without secrets. */
  List<OperatorToken> list() {
    return tokens.stream().sorted(Comparator.comparing(OperatorToken::id)).toList();
  }

  /** Compares the presented token with every stored hash, without stopping at a match. */
  Optional<OperatorToken> match(String presented) {
    OperatorToken found = null;
    for (OperatorToken token : tokens) {
      if (token.secret().matches(presented)) {
        found = token;
      }
    }
    return Optional.ofNullable(found);
  }

  private void save(List<OperatorToken> next) {
    JsonArray array = new JsonArray();
    next.forEach(t -> array.add(toJson(t)));
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(FILE + ".tmp");
      Files.writeString(temporary, new JsonObject().put("tokens", array).encodePrettily());
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the operator tokens to " + file, e);
    }
    tokens = List.copyOf(next);
  }

  private static JsonObject toJson(OperatorToken t) {
    return new JsonObject().put("id", t.id()).put("name", t.name()).put("sources", new JsonArray(t.sources()))
        .put("createdAt", t.createdAt().toString())
        .put("salt", HEX.formatHex(t.secret().salt())).put("hash", HEX.formatHex(t.secret().hash()));
  }

  private static OperatorToken fromJson(JsonObject json) {
    List<String> sources = json.getJsonArray("sources").stream().map(String::valueOf).toList();
    return new OperatorToken(json.getString("id"), json.getString("name"), sources,
        Instant.parse(json.getString("createdAt")),
        new TokenHash(HEX.parseHex(json.getString("salt")), HEX.parseHex(json.getString("hash"))));
  }
}

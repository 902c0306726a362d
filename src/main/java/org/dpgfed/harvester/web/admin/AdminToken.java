package org.dpgfed.harvester.web.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The admin's bearer token. Given in the configuration, or generated at first start and shown
 * once; only a salted hash is kept, in {@code <dataDir>/admin-token.hash}. Comparison takes the
 * same time whatever the input.
 */
public final class AdminToken {
  private static final String FILE = "admin-token.hash";

  private final TokenHash hash;

  private AdminToken(TokenHash hash) {
    this.hash = hash;
  }

  /**
   * @param configured the token from the settings, or empty
   * @param announce told the generated token, once, when one is made
   */
  public static AdminToken load(String configured, Path dataDir, java.util.function.Consumer<String> announce) {
    if (!configured.isEmpty()) {
      return new AdminToken(TokenHash.of(configured));
    }
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        String[] parts = Files.readString(file).trim().split(":");
        return new AdminToken(new TokenHash(HexFormat.of().parseHex(parts[0]), HexFormat.of().parseHex(parts[1])));
      }
      String token = TokenHash.newToken();
      AdminToken admin = write(file, token);
      announce.accept(token);
      return admin;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the admin token hash in " + file, e);
    }
  }

  /** Makes a new admin token (node stopped) and returns it; the old one stops working. */
  public static String reset(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    String token = TokenHash.newToken();
    write(dataDir.resolve(FILE), token);
    return token;
  }

  public boolean matches(String presented) {
    return hash.matches(presented);
  }

  private static AdminToken write(Path file, String token) throws IOException {
    TokenHash hash = TokenHash.of(token);
    Files.createDirectories(file.getParent());
    Files.writeString(file, HexFormat.of().formatHex(hash.salt()) + ":" + HexFormat.of().formatHex(hash.hash()) + "\n");
    return new AdminToken(hash);
  }
}

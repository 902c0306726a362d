package org.dpgfed.harvester.web.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The admin's bearer token. Given in the configuration, or generated at first start and shown
 * once; only a salted hash is kept, in {@code <dataDir>/admin-token.hash}. Comparison takes the
 * same time whatever the input.
 */
public final class AdminToken {
  private static final String FILE = "admin-token.hash";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] salt;
  private final byte[] hash;

  private AdminToken(byte[] salt, byte[] hash) {
    this.salt = salt;
    this.hash = hash;
  }

  /**
   * @param configured the token from the settings, or empty
   * @param announce told the generated token, once, when one is made
   */
  public static AdminToken load(String configured, Path dataDir, java.util.function.Consumer<String> announce) {
    if (!configured.isEmpty()) {
      byte[] salt = newSalt();
      return new AdminToken(salt, digest(salt, configured));
    }
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        String[] parts = Files.readString(file).trim().split(":");
        return new AdminToken(HexFormat.of().parseHex(parts[0]), HexFormat.of().parseHex(parts[1]));
      }
      String token = newToken();
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
    String token = newToken();
    write(dataDir.resolve(FILE), token);
    return token;
  }

  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(hash, digest(salt, presented));
  }

  private static AdminToken write(Path file, String token) throws IOException {
    byte[] salt = newSalt();
    byte[] hash = digest(salt, token);
    Files.createDirectories(file.getParent());
    Files.writeString(file, HexFormat.of().formatHex(salt) + ":" + HexFormat.of().formatHex(hash) + "\n");
    return new AdminToken(salt, hash);
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] newSalt() {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return salt;
  }

  private static byte[] digest(byte[] salt, String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return sha.digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

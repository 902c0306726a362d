package org.dpgfed.harvester.web.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A bearer token as the node keeps it: a random salt and the SHA-256 of salt and token. Tokens are
 * 256 random bits, so a fast hash is enough; comparison takes the same time whatever the input.
 */
record TokenHash(byte[] salt, byte[] hash) {
  private static final SecureRandom RANDOM = new SecureRandom();

  static TokenHash of(String token) {
    byte[] salt = random(16);
    return new TokenHash(salt, digest(salt, token));
  }

  boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(hash, digest(salt, presented));
  }

  /** A new secret: 32 random bytes, URL-safe Base64. */
  static String newToken() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
  }

  static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
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

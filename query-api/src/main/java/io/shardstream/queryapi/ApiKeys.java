package io.shardstream.queryapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys a deployment accepts, from the setting {@code api.keys}: a comma-separated list of
 * {@code key} (sees everything) or {@code key:beneficiaryId} (sees only that beneficiary's users
 * and their emails). No keys: the API is open.
 *
 * <p>Keys are held as SHA-256 digests and looked up by the digest of what a client sends, so the
 * lookup's timing says nothing about how much of a key a guess got right.
 */
public final class ApiKeys {
  public static final ApiKeys NONE = new ApiKeys(Map.of());
  private final Map<String, Caller> callersByDigest;

  private ApiKeys(Map<String, Caller> callersByDigest) {
    this.callersByDigest = Map.copyOf(callersByDigest);
  }

  /**
   * @throws IllegalArgumentException saying which entry is wrong
   */
  public static ApiKeys parse(String setting) {
    Map<String, Caller> callers = new HashMap<>();
    if (setting == null || setting.isBlank()) {
      return NONE;
    }
    int position = 0;
    for (String entry : setting.split(",", -1)) {
      position++;
      String trimmed = entry.trim();
      int colon = trimmed.indexOf(':');
      String key = colon < 0 ? trimmed : trimmed.substring(0, colon).trim();
      Optional<String> beneficiary =
          colon < 0 ? Optional.empty() : Optional.of(trimmed.substring(colon + 1).trim());
      if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "entry " + position + ": a key must be non-empty " + "and without spaces");
      }
      if (beneficiary.isPresent() && beneficiary.get().isEmpty()) {
        throw new IllegalArgumentException(
            "entry "
                + position
                + ": nothing after ':' (give "
                + "key:beneficiaryId, or the key alone for full access)");
      }
      if (callers.put(digest(key), new Caller(beneficiary)) != null) {
        throw new IllegalArgumentException("entry " + position + ": the same key is listed twice");
      }
    }
    return new ApiKeys(callers);
  }

  /** Whether clients must send a key. */
  public boolean required() {
    return !callersByDigest.isEmpty();
  }

  public int size() {
    return callersByDigest.size();
  }

  /** Who a key belongs to, or empty for an unknown key. */
  public Optional<Caller> caller(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(callersByDigest.get(digest(key)));
  }

  private static String digest(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  @Override
  public String toString() {
    return "ApiKeys[" + callersByDigest.size() + " keys]";
  }
}

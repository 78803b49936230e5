package io.shardstream.queryapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The API keys a deployment accepts, from the setting {@code api.keys}: a comma-separated list of
 * entries, each a key or its SHA-256, optionally bound to a value, optionally with scopes:
 *
 * <ul>
 *   <li>{@code key} or {@code sha256:<64 hex digits>}: sees everything;
 *   <li>{@code key:value} or {@code sha256:<64 hex digits>:value}: sees only the instances whose
 *       key binding property (the entity config's {@code keyBinding}, e.g. beneficiaryId) is {@code
 *       value}, and their children;
 *   <li>{@code ;reveal} after either ({@code key;reveal}, {@code key:value;reveal}): attributes
 *       declared {@code sensitive} are served as stored instead of masked. {@value #REVEAL} is the
 *       only scope.
 * </ul>
 *
 * <p>A hashed entry keeps the key itself out of the deployment's configuration ({@link
 * #hashedEntry} or {@code printf %s KEY | sha256sum} makes one). Keys are held as SHA-256 digests
 * only; a presented key's digest is compared with every configured digest in constant time ({@link
 * MessageDigest#isEqual}, no early exit, no hash-table lookup), so neither which entry matched nor
 * how much of a guess was right shows in the response time.
 */
public final class ApiKeys {
  public static final ApiKeys NONE = new ApiKeys(List.of());

  /** How a hashed entry starts. */
  public static final String SHA256_PREFIX = "sha256:";

  /** The scope that serves sensitive attributes unmasked. */
  public static final String REVEAL = "reveal";

  private static final int DIGEST_HEX_LENGTH = 64;
  private static final HexFormat HEX = HexFormat.of();

  private final List<Entry> entries;

  private record Entry(byte[] digest, Caller caller) {}

  private ApiKeys(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * @throws IllegalArgumentException saying which entry is wrong and how to write it
   */
  public static ApiKeys parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return NONE;
    }
    List<Entry> entries = new ArrayList<>();
    int position = 0;
    for (String text : setting.split(",", -1)) {
      position++;
      Entry entry = entry(position, text.trim());
      for (Entry earlier : entries) {
        if (MessageDigest.isEqual(earlier.digest(), entry.digest())) {
          throw new IllegalArgumentException(
              "entry " + position + ": the same key is listed twice (plain or hashed)");
        }
      }
      entries.add(entry);
    }
    return new ApiKeys(entries);
  }

  private static Entry entry(int position, String entry) {
    int semicolon = entry.indexOf(';');
    String text = semicolon < 0 ? entry : entry.substring(0, semicolon).trim();
    boolean reveal = false;
    if (semicolon >= 0) {
      for (String scope : entry.substring(semicolon + 1).split(";", -1)) {
        if (!scope.trim().equals(REVEAL)) {
          throw new IllegalArgumentException(
              "entry "
                  + position
                  + ": unknown scope '"
                  + scope.trim()
                  + "' after ';' (the only scope is "
                  + REVEAL
                  + ": key[:binding];"
                  + REVEAL
                  + ")");
        }
        reveal = true;
      }
    }
    boolean hashed = text.toLowerCase(Locale.ROOT).startsWith(SHA256_PREFIX);
    String rest = hashed ? text.substring(SHA256_PREFIX.length()) : text;
    int colon = rest.indexOf(':');
    String key = (colon < 0 ? rest : rest.substring(0, colon)).trim();
    Optional<String> beneficiary =
        colon < 0 ? Optional.empty() : Optional.of(rest.substring(colon + 1).trim());
    if (beneficiary.isPresent() && beneficiary.get().isEmpty()) {
      throw new IllegalArgumentException(
          "entry "
              + position
              + ": nothing after ':' (give key:bindingValue, or the key alone for full access)");
    }
    Caller caller = new Caller(beneficiary, reveal);
    if (hashed) {
      if (key.length() != DIGEST_HEX_LENGTH || !key.chars().allMatch(ApiKeys::isHexDigit)) {
        throw new IllegalArgumentException(
            "entry "
                + position
                + ": '"
                + SHA256_PREFIX
                + "' must be followed by the key's SHA-256 as 64 hex digits (make it with"
                + " `shardstream api-key hash` or `printf %s KEY | sha256sum`), got "
                + key.length()
                + " characters");
      }
      return new Entry(HEX.parseHex(key.toLowerCase(Locale.ROOT)), caller);
    }
    if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "entry " + position + ": a key must be non-empty and without spaces");
    }
    return new Entry(digest(key), caller);
  }

  /**
   * The {@code api.keys} entry that accepts {@code key} without naming it: {@code
   * sha256:<hex>[:beneficiaryId]}.
   */
  public static String hashedEntry(String key, Optional<String> beneficiary) {
    return SHA256_PREFIX + HEX.formatHex(digest(key)) + beneficiary.map(b -> ":" + b).orElse("");
  }

  /** Whether any entry is bound to a value. */
  public boolean anyBound() {
    return entries.stream().anyMatch(e -> e.caller().bound());
  }

  /** Whether clients must send a key. */
  public boolean required() {
    return !entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /**
   * Who a key belongs to, or empty for an unknown key. Every entry is compared, whatever matched.
   */
  public Optional<Caller> caller(String key) {
    if (key == null) {
      return Optional.empty();
    }
    byte[] presented = digest(key);
    Caller found = null;
    for (Entry entry : entries) {
      boolean equal = MessageDigest.isEqual(presented, entry.digest());
      // No break: the time taken is the same whichever entry (if any) matches.
      found = equal ? entry.caller() : found;
    }
    return Optional.ofNullable(found);
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  @Override
  public String toString() {
    return "ApiKeys[" + entries.size() + " keys]";
  }
}

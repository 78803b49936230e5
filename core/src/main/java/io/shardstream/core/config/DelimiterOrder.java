package io.shardstream.core.config;

import io.shardstream.core.canonical.Canonicalizer;
import java.util.Optional;

/**
 * Whether a configuration's generated range keys order names naturally. A generated key joins its
 * elements with {@code generatedKeyDelimiter}, and DynamoDB orders keys by their UTF-8 bytes, so
 * {@code lee|…} and {@code leeds|…} compare at the delimiter against {@code d}. Only a delimiter
 * that sorts below every character a canonical value can hold ({@link
 * Canonicalizer#LEAST_CHARACTER}) puts a name before every longer name it begins: Lee before Leeds,
 * Ana before Anabel.
 *
 * <p>Entity Manager's {@code |} (U+007C) sorts above every letter and digit; configurations that
 * use it keep Entity Manager's keys byte for byte and its order. The shipped configurations use
 * {@link #NATURAL} instead.
 */
public final class DelimiterOrder {
  /**
   * The generated key delimiter of the shipped configurations: below every canonical character
   * (U+002C), and never in a real name (canonical names hold no punctuation), id, or e-mail address
   * (a comma is not allowed unquoted in one).
   */
  public static final String NATURAL = ",";

  private DelimiterOrder() {}

  /** Whether the delimiter sorts below every character canonical values can hold. */
  public static boolean isNatural(String generatedKeyDelimiter) {
    return !generatedKeyDelimiter.isEmpty()
        && generatedKeyDelimiter.charAt(0) < Canonicalizer.LEAST_CHARACTER;
  }

  /**
   * A notice for configurations whose delimiter does not give natural name order: what happens, why
   * it may be wanted, and what to change. Empty when the order is natural.
   */
  public static Optional<String> notice(EntityConfig config) {
    String delimiter = config.generatedKeyDelimiter();
    if (isNatural(delimiter)) {
      return Optional.empty();
    }
    return Optional.of(
        "generatedKeyDelimiter '"
            + delimiter
            + "' sorts above '"
            + Canonicalizer.LEAST_CHARACTER
            + "', so name indexes order a name after the longer names it begins (Leeds before"
            + " Lee); that keeps Entity Manager's keys byte for byte. For natural name order use"
            + " a delimiter below '"
            + Canonicalizer.LEAST_CHARACTER
            + "' that values never hold, such as '"
            + NATURAL
            + "' (the shipped configuration's); a new delimiter changes every generated key, so"
            + " rebuild an existing table with `shardstream replay`.");
  }
}

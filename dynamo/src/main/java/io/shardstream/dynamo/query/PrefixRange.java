package io.shardstream.dynamo.query;

import java.util.Optional;

/**
 * A range-key prefix condition as a range: {@code begins_with(rk, p)} is sent as {@code rk BETWEEN
 * p AND s}, where {@code s} is the least string after every string that begins with {@code p} (its
 * last code point, not counting trailing U+10FFFF, incremented). Every string in that range begins
 * with {@code p} except {@code s} itself, which the reader drops when it comes back.
 *
 * <p>Why: DynamoDB Local answers {@code begins_with} on a sort key by walking the partition, so a
 * prefix query costs time in proportion to the partition; a BETWEEN seeks. DynamoDB seeks either
 * way, so there the two are the same. DynamoDB orders strings by their UTF-8 bytes, which is code
 * point order, so the successor is taken by code point (skipping the surrogate block, which has no
 * UTF-8 form).
 */
final class PrefixRange {
  private PrefixRange() {}

  /** The successor of every string with this prefix, or empty when there is none to send. */
  static Optional<String> upperBound(String prefix) {
    int end = prefix.length();
    while (end > 0) {
      int codePoint = prefix.codePointBefore(end);
      int start = end - Character.charCount(codePoint);
      if (codePoint != Character.MAX_CODE_POINT) {
        int next =
            codePoint + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : codePoint + 1;
        return Optional.of(prefix.substring(0, start) + Character.toString(next));
      }
      end = start;
    }
    return Optional.empty();
  }
}

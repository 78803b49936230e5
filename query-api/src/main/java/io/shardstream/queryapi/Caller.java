package io.shardstream.queryapi;

import java.util.Optional;

/**
 * Who is asking: with a beneficiary, every user search and lookup is confined to that beneficiary's
 * users (and their emails).
 */
public record Caller(Optional<String> beneficiary) {
  /** No key needed, or a key with full access. */
  public static final Caller UNRESTRICTED = new Caller(Optional.empty());

  /** Whether this caller may see a user of {@code beneficiaryId}. */
  public boolean maySee(Object beneficiaryId) {
    return beneficiary.isEmpty() || beneficiary.get().equals(beneficiaryId);
  }
}

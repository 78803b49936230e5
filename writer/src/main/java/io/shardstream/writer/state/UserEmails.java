package io.shardstream.writer.state;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The addresses a user owns, as the user stage knows them: address → version of the claim. The
 * version bounds a cascade delete, so a newer claim still on its way is judged on its own.
 */
public record UserEmails(Map<String, Long> claims) {
  public static final UserEmails NONE = new UserEmails(Map.of());

  public UserEmails {
    claims = Collections.unmodifiableMap(new TreeMap<>(claims));
  }

  public UserEmails withClaim(String email, long version) {
    TreeMap<String, Long> next = new TreeMap<>(claims);
    next.merge(email, version, Math::max);
    return new UserEmails(next);
  }

  /** Without the address, when its claim is not newer than {@code version}. */
  public UserEmails withoutClaim(String email, long version) {
    Long claimed = claims.get(email);
    if (claimed == null || claimed > version) {
      return this;
    }
    TreeMap<String, Long> next = new TreeMap<>(claims);
    next.remove(email);
    return new UserEmails(next);
  }

  public boolean isEmpty() {
    return claims.isEmpty();
  }
}

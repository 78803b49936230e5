package io.shardstream.writer.state;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The children a parent has, as its stage knows them (store {@code <parent>-children}, keyed by the
 * parent's id): child entity → child id → claim. The claim's version bounds a cascade delete, so a
 * newer claim still on its way is judged on its own.
 */
public record ChildClaims(Map<String, Map<String, Claim>> children) {
  public static final ChildClaims NONE = new ChildClaims(Map.of());

  /**
   * @param parentTimestamp the parent timestamp a co-located child carried (its partition); null
   *     for other children
   */
  public record Claim(long version, Long parentTimestamp) {}

  public ChildClaims {
    TreeMap<String, Map<String, Claim>> copy = new TreeMap<>();
    children.forEach(
        (entity, claims) -> {
          if (!claims.isEmpty()) {
            copy.put(entity, Collections.unmodifiableMap(new TreeMap<>(claims)));
          }
        });
    children = Collections.unmodifiableMap(copy);
  }

  /** With the child's claim; an older claim of the same child does not replace a newer one. */
  public ChildClaims withClaim(String entity, String id, long version, Long parentTimestamp) {
    Map<String, Claim> claims = children.getOrDefault(entity, Map.of());
    Claim held = claims.get(id);
    if (held != null && held.version() > version) {
      return this;
    }
    TreeMap<String, Claim> next = new TreeMap<>(claims);
    next.put(id, new Claim(version, parentTimestamp));
    return with(entity, next);
  }

  /** Without the child, when its claim is not newer than {@code version}. */
  public ChildClaims withoutClaim(String entity, String id, long version) {
    Map<String, Claim> claims = children.getOrDefault(entity, Map.of());
    Claim held = claims.get(id);
    if (held == null || held.version() > version) {
      return this;
    }
    TreeMap<String, Claim> next = new TreeMap<>(claims);
    next.remove(id);
    return with(entity, next);
  }

  /** The claims of one child entity, by child id. */
  public Map<String, Claim> of(String entity) {
    return children.getOrDefault(entity, Map.of());
  }

  public boolean isEmpty() {
    return children.isEmpty();
  }

  private ChildClaims with(String entity, Map<String, Claim> claims) {
    TreeMap<String, Map<String, Claim>> next = new TreeMap<>(children);
    next.put(entity, claims);
    return new ChildClaims(next);
  }
}

package io.shardstream.core.keys;

/**
 * The part of a parent's partition that holds the parent and its co-located children: range keys
 * from {@link #from()} (the parent's own, {@code id#p-1}) to {@link #to()}. The range also holds
 * other instances whose range key sorts in between ({@code id#p-1+} sorts after {@code id#p-1} and
 * before {@code id#p-1,}), which {@link #contains} drops.
 *
 * @param parentRangeKey the parent's range key
 * @param childrenPrefix what every child's range key starts with: the parent's and the key
 *     delimiter ({@code id#p-1,})
 */
public record ChildRange(String parentRangeKey, String childrenPrefix) {
  /** Sorts after any text that can follow the delimiter (DynamoDB compares UTF-8 bytes). */
  private static final String AFTER_EVERYTHING = Character.toString(Character.MAX_CODE_POINT);

  /** The lower bound of the Query's {@code BETWEEN}: the parent's range key. */
  public String from() {
    return parentRangeKey;
  }

  /** The upper bound of the Query's {@code BETWEEN}. */
  public String to() {
    return childrenPrefix + AFTER_EVERYTHING;
  }

  /** Whether an item of the range is the parent or one of its children. */
  public boolean contains(String rangeKey) {
    return rangeKey.equals(parentRangeKey) || rangeKey.startsWith(childrenPrefix);
  }
}

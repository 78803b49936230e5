package io.shardstream.core.query;

/**
 * An inclusive window [from, to] of epoch milliseconds on the entity's timestamp property. It fixes
 * which shard bumps (so which hash keys) a search reads, and items outside it are filtered out.
 */
public record TimeWindow(long from, long to) {
  /** No window: every bump, no timestamp filter. */
  public static final TimeWindow ALL = new TimeWindow(Long.MIN_VALUE, Long.MAX_VALUE);

  public TimeWindow {
    if (from > to) {
      throw new QueryException("time window starts (" + from + ") after it ends (" + to + ")");
    }
  }

  public boolean isAll() {
    return from == Long.MIN_VALUE && to == Long.MAX_VALUE;
  }

  public boolean hasFrom() {
    return from != Long.MIN_VALUE;
  }

  public boolean hasTo() {
    return to != Long.MAX_VALUE;
  }

  String canonical() {
    return "["
        + (hasFrom() ? Long.toString(from) : "*")
        + ","
        + (hasTo() ? Long.toString(to) : "*")
        + "]";
  }
}

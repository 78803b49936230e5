package io.shardstream.writer.state;

/**
 * Per-entity ordering by the event's {@code version}: a newer version wins, an equal one is a
 * duplicate, an older one is stale. Tombstones take part like any state, so an UPSERT older than
 * the DELETE cannot resurrect the entity, while a newer one re-creates it.
 */
public final class VersionGate {
  public enum Verdict {
    NEWER,
    DUPLICATE,
    STALE
  }

  private VersionGate() {}

  /**
   * @param current the last applied version, or null when the entity was never seen
   */
  public static Verdict judge(Long current, long incoming) {
    if (current == null || incoming > current) {
      return Verdict.NEWER;
    }
    return incoming == current ? Verdict.DUPLICATE : Verdict.STALE;
  }
}

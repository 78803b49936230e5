package io.shardstream.writer.stage;

/**
 * Names of the topology's nodes, per entity; processors forward to the sinks by these names. Node
 * names are not part of any topic or store name, so they may change freely.
 */
public final class NodeNames {
  private NodeNames() {}

  public static String source(String entity) {
    return entity + "-source";
  }

  public static String events(String entity) {
    return entity + "-events";
  }

  public static String cascadeSource(String child) {
    return child + "-cascade-source";
  }

  public static String cascade(String child) {
    return child + "-cascade";
  }

  public static String ownerChangesSource(String child) {
    return child + "-owner-changes-source";
  }

  public static String ownership(String child) {
    return child + "-ownership";
  }

  public static String ownerChangesSink(String child) {
    return child + "-owner-changes-sink";
  }

  public static String cascadeSink(String child) {
    return child + "-cascade-sink";
  }

  public static String deadLettersSink(String entity) {
    return entity + "-dead-letters-sink";
  }

  public static String changesSink(String entity) {
    return entity + "-changes-sink";
  }

  /** The table sink store of an entity's stage: {@code <token>-table-sink}. */
  public static String tableSink(String entity) {
    return entity + "-table-sink";
  }
}

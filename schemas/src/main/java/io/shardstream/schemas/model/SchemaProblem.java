package io.shardstream.schemas.model;

/**
 * One reason a derived event schema cannot replace the registered one.
 *
 * @param attribute the attribute (or envelope field) at fault, {@code null} when only the registry
 *     knows and did not say
 */
public record SchemaProblem(String entity, String topic, String attribute, String problem) {
  @Override
  public String toString() {
    return "entity '"
        + entity
        + "'"
        + (attribute == null ? "" : ", attribute '" + attribute + "'")
        + " (topic "
        + topic
        + "): "
        + problem;
  }
}

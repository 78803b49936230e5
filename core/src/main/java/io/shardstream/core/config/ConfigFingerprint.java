package io.shardstream.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * A short content hash of a configuration: equal for configurations that generate the same keys,
 * whatever their key order or omitted defaults, different when anything that shapes keys changes.
 */
final class ConfigFingerprint {
  private ConfigFingerprint() {}

  static String of(EntityConfig config) {
    StringBuilder text = new StringBuilder();
    text.append("hashKey=")
        .append(config.hashKey())
        .append('\n')
        .append("rangeKey=")
        .append(config.rangeKey())
        .append('\n')
        .append("delimiters=")
        .append(config.generatedKeyDelimiter())
        .append(config.generatedValueDelimiter())
        .append(config.shardKeyDelimiter())
        .append('\n');
    new TreeMap<>(config.propertyTranscodes())
        .forEach((p, t) -> text.append("transcode ").append(p).append('=').append(t).append('\n'));
    new TreeMap<>(config.generatedProperties())
        .forEach(
            (name, p) ->
                text.append(p.sharded() ? "sharded " : "unsharded ")
                    .append(name)
                    .append('=')
                    .append(p.elements())
                    .append('\n'));
    new TreeMap<>(config.indexes())
        .forEach(
            (token, i) ->
                text.append("index ")
                    .append(token)
                    .append('=')
                    .append(i.hashKey())
                    .append(',')
                    .append(i.rangeKey())
                    .append(',')
                    .append(i.projections())
                    .append('\n'));
    new TreeMap<>(config.entities()).forEach((token, e) -> appendEntity(text, token, e));
    return sha256(text.toString()).substring(0, 16);
  }

  private static void appendEntity(StringBuilder text, String token, EntityDefinition e) {
    text.append("entity ")
        .append(token)
        .append(' ')
        .append(e.uniqueProperty())
        .append(',')
        .append(e.timestampProperty())
        .append(',')
        .append(e.shardBumps())
        .append(',')
        .append(e.generated().map(g -> new java.util.TreeSet<>(g).toString()).orElse("default"))
        .append(',')
        .append(new TreeMap<>(e.canonicalize()));
    // A configured plural names topics and routes; the default one keeps the version unchanged.
    if (e.pluralConfigured()) {
      text.append(",plural ").append(e.plural());
    }
    // Only a co-located parent shapes keys (the child takes the parent's partition); attributes,
    // other relations and uniqueness rules do not, so declaring them keeps the version.
    e.model()
        .parent()
        .filter(ParentRelation::colocated)
        .ifPresent(
            p ->
                text.append(",colocated in ")
                    .append(p.entity())
                    .append(" by ")
                    .append(p.property())
                    .append(',')
                    .append(p.parentTimestampProperty().orElse("")));
    text.append('\n');
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}

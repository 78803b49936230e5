package io.shardstream.core.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The type of a declared attribute, as written in the configuration ({@code "type": "timestamp"}).
 * Each type says which transcodes can key it, so a property that is both declared and transcoded
 * cannot be typed one way and keyed another.
 */
public enum AttributeType {
  STRING("string", Set.of("string")),
  INTEGER("integer", Set.of("int", "bigint", "bigint20", "timestamp", "number", "fix6")),
  NUMBER("number", Set.of("number", "fix6")),
  BOOLEAN("boolean", Set.of("boolean")),
  /** Epoch milliseconds. */
  TIMESTAMP("timestamp", Set.of("timestamp", "int", "bigint", "bigint20", "number")),
  /** A calendar date, ISO 8601 {@code yyyy-MM-dd}; keyed as a string, which sorts by date. */
  DATE("date", Set.of("string"));

  private final String jsonName;
  private final Set<String> transcodes;

  AttributeType(String jsonName, Set<String> transcodes) {
    this.jsonName = jsonName;
    this.transcodes = transcodes;
  }

  public String jsonName() {
    return jsonName;
  }

  /** Whether a property of this type can be keyed with the transcode named. */
  public boolean keyableWith(String transcode) {
    return transcodes.contains(transcode);
  }

  public static Optional<AttributeType> byJsonName(String name) {
    return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
  }

  public static String jsonNames() {
    return String.join(", ", Arrays.stream(values()).map(AttributeType::jsonName).toList());
  }
}

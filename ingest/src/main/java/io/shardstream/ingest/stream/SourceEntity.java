package io.shardstream.ingest.stream;

import io.shardstream.ingest.fields.ChangeEventReader;
import java.util.List;
import java.util.Locale;

/**
 * The entity a source table holds, with the fields of its change event (ingest/README.md's JSON
 * lines format): the whole state for an UPSERT, the key for a DELETE.
 */
public enum SourceEntity {
  USER("user", "user", "userKey", ChangeEventReader.USER_FIELDS, ChangeEventReader.USER_KEY_FIELDS),
  EMAIL(
      "email",
      "email",
      "emailKey",
      ChangeEventReader.EMAIL_FIELDS,
      ChangeEventReader.EMAIL_KEY_FIELDS);

  private final String type;
  private final String stateField;
  private final String keyField;
  private final List<String> stateFields;
  private final List<String> keyFields;

  SourceEntity(
      String type,
      String stateField,
      String keyField,
      List<String> stateFields,
      List<String> keyFields) {
    this.type = type;
    this.stateField = stateField;
    this.keyField = keyField;
    this.stateFields = stateFields;
    this.keyFields = keyFields;
  }

  /** {@code user | email}, as on the command line and in the JSON lines format. */
  public static SourceEntity parse(String text) {
    for (SourceEntity entity : values()) {
      if (entity.type.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return entity;
      }
    }
    throw new IllegalArgumentException("entity must be user or email, got '" + text + "'");
  }

  public String type() {
    return type;
  }

  /** The JSON object holding the state on UPSERT ({@code user}, {@code email}). */
  String stateField() {
    return stateField;
  }

  /** The JSON object holding the key on DELETE ({@code userKey}, {@code emailKey}). */
  String keyField() {
    return keyField;
  }

  /** Every field of the entity's state, read from a new image. */
  public List<String> stateFields() {
    return stateFields;
  }

  /**
   * The fields a DELETE carries, read from the old image: a user's {@code created} picks its shard,
   * so it is part of the key even where the source table's key is userId alone.
   */
  public List<String> keyFields() {
    return keyFields;
  }
}

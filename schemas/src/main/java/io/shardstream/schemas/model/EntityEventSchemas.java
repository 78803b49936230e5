package io.shardstream.schemas.model;

import io.shardstream.core.config.AttributeDefinition;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.ParentRelation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;

/**
 * The change-event schema of each entity, derived from its declared attributes. The envelope is the
 * one the User/Email events have always had, so that a derived schema reads the events of today's
 * topics:
 *
 * <pre>
 * {Token}ChangeEvent {eventId: uuid, op: ChangeOp, version: long, occurredAt: timestamp-millis,
 *                     source: string, {token}: [null, {Token}] = null, {token}Key: [null, {Token}Key] = null}
 * {Token}      = the declared attributes in configured order; a required one has its type, any
 *                other is [null, type] with default null
 * {Token}Key   = what a DELETE carries: the unique property; for a co-located child its parent
 *                reference and the parent's timestamp (its partition); the timestamp property,
 *                nullable (the writer takes it from its state when absent, as for emails today)
 * </pre>
 *
 * Types: string → string, integer → long, number → double, boolean → boolean, timestamp → long
 * timestamp-millis, date → int date. Enum values stay strings: a new allowed value must not be a
 * schema change that old readers refuse. Names are stable: namespace {@value #NAMESPACE}, records
 * named after the entity token, so the same config always derives the same schema (byte for byte).
 */
public final class EntityEventSchemas {
  public static final String NAMESPACE = "io.shardstream.events";

  /** Today's {@code ChangeOp}, same symbols and no default: an unknown op is dead-lettered. */
  private static final List<String> OPS = List.of("UPSERT", "DELETE");

  private EntityEventSchemas() {}

  /** Every entity that declares attributes, by token, in token order. */
  public static Map<String, Schema> derive(EntityConfig config) {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    config.entities().keySet().stream()
        .sorted()
        .map(token -> config.entity(token).orElseThrow())
        .filter(entity -> entity.model().declaresAttributes())
        .forEach(entity -> schemas.put(entity.token(), derive(entity)));
    return schemas;
  }

  /**
   * @throws IllegalArgumentException the entity declares no attributes (nothing to derive from)
   */
  public static Schema derive(EntityDefinition entity) {
    if (!entity.model().declaresAttributes()) {
      throw new IllegalArgumentException(
          "entity '" + entity.token() + "' declares no attributes: no event schema to derive");
    }
    String type = typeName(entity.token());
    Schema state =
        Schema.createRecord(
            type,
            "The whole state of a " + entity.token() + ".",
            NAMESPACE,
            false,
            stateFields(entity));
    Schema key =
        Schema.createRecord(
            type + "Key",
            "What a DELETE of a " + entity.token() + " carries.",
            NAMESPACE,
            false,
            keyFields(entity));
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("eventId", uuid(), "Unique id of this event, for tracing."));
    fields.add(new Field("op", Schema.createEnum("ChangeOp", null, NAMESPACE, OPS), null));
    fields.add(
        new Field(
            "version",
            Schema.create(Schema.Type.LONG),
            "Strictly increasing per " + entity.token() + "."));
    fields.add(new Field("occurredAt", timestampMillis(), "When the change happened."));
    fields.add(new Field("source", Schema.create(Schema.Type.STRING), "Who published it."));
    fields.add(nullable(entity.token(), state, "The new state; set exactly when op = UPSERT."));
    fields.add(nullable(entity.token() + "Key", key, "The key; set exactly when op = DELETE."));
    return Schema.createRecord(
        type + "ChangeEvent",
        "A change to one " + entity.token() + ", derived from the entity configuration.",
        NAMESPACE,
        false,
        fields);
  }

  /** {@code bankAccount} → {@code BankAccount}. */
  public static String typeName(String token) {
    return Character.toUpperCase(token.charAt(0)) + token.substring(1);
  }

  private static List<Field> stateFields(EntityDefinition entity) {
    List<Field> fields = new ArrayList<>();
    for (AttributeDefinition attribute : entity.model().attributes().values()) {
      fields.add(field(attribute, attribute.required()));
    }
    return fields;
  }

  private static List<Field> keyFields(EntityDefinition entity) {
    Set<String> required = new LinkedHashSet<>();
    required.add(entity.uniqueProperty());
    entity
        .model()
        .parent()
        .filter(ParentRelation::colocated)
        .ifPresent(
            parent -> {
              required.add(parent.property());
              parent.parentTimestampProperty().ifPresent(required::add);
            });
    List<Field> fields = new ArrayList<>();
    for (String name : required) {
      fields.add(field(entity.model().attribute(name).orElseThrow(), true));
    }
    if (!required.contains(entity.timestampProperty())) {
      fields.add(field(entity.model().attribute(entity.timestampProperty()).orElseThrow(), false));
    }
    return fields;
  }

  private static Field field(AttributeDefinition attribute, boolean required) {
    Schema type = avroType(attribute);
    return required
        ? new Field(attribute.name(), type, null)
        : nullable(attribute.name(), type, null);
  }

  private static Field nullable(String name, Schema type, String doc) {
    return new Field(
        name,
        Schema.createUnion(Schema.create(Schema.Type.NULL), type),
        doc,
        JsonProperties.NULL_VALUE);
  }

  /** The Avro type of a declared attribute. */
  public static Schema avroType(AttributeDefinition attribute) {
    return switch (attribute.type()) {
      case STRING -> Schema.create(Schema.Type.STRING);
      case INTEGER -> Schema.create(Schema.Type.LONG);
      case NUMBER -> Schema.create(Schema.Type.DOUBLE);
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case TIMESTAMP -> timestampMillis();
      case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
    };
  }

  private static Schema timestampMillis() {
    return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
  }

  private static Schema uuid() {
    return LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
  }
}

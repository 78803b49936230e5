package io.shardstream.ingest.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardstream.core.config.AttributeDefinition;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.schemas.model.EntityEventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

/**
 * Reads one line of the generic import format, {@code {"entity", "op", "version", "item"}}, and
 * validates it against the entity's declarations: every attribute's type, {@code required}, {@code
 * maxLength}, format and enum values, and no property the entity does not declare. An UPSERT's item
 * is the whole state; a DELETE's item is the key (the unique property; a co-located child's parent
 * reference and parent timestamp; optionally the timestamp property). Every problem of a line is
 * reported at once, each naming entity, property and rule: {@code entity 'person', property
 * 'gender', rule enum: must be one of female, male, diverse, unspecified}.
 *
 * <p>Values: strings, whole numbers ({@code integer}), numbers, booleans as JSON has them; a {@code
 * timestamp} as epoch milliseconds or an ISO-8601 instant with offset; a {@code date} as {@code
 * yyyy-MM-dd}. The event carries them as the derived Avro schema does (timestamps as epoch
 * milliseconds, dates as days since 1970-01-01).
 */
public final class GenericEventReader {
  private static final Set<String> LINE_KEYS = Set.of("entity", "op", "version", "item", "comment");
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final EntityConfig config;
  private final Map<String, Schema> schemas;
  private final Instant importedAt;
  private final String source;
  private final Checks checks;

  /** Which of the declarations a line must keep to be read. */
  public enum Checks {
    /** Every declaration: types, required, maxLength, formats, enum values. */
    DECLARATIONS,
    /**
     * What the event schema can hold (types, required, declared properties) only: values that break
     * a maxLength, format or enum are passed on, for the writer to dead-letter with its reason
     * ({@code invalid:<entity>.<property>:<rule>}), as the User/Email import passes a bad address
     * on. What {@code shardstream ingest file --model} uses.
     */
    STRUCTURE
  }

  /** A line read: its event, or why it is bad. */
  public sealed interface Result {
    record Event(GenericChange change) implements Result {}

    record Invalid(String reason) implements Result {}
  }

  /**
   * @param importedAt every event's {@code occurredAt} (the format has no such field)
   * @param source every event's {@code source}, e.g. {@code file}
   */
  public GenericEventReader(EntityConfig config, Instant importedAt, String source) {
    this(config, importedAt, source, Checks.DECLARATIONS);
  }

  public GenericEventReader(EntityConfig config, Instant importedAt, String source, Checks checks) {
    this.checks = checks;
    this.config = config;
    this.schemas = EntityEventSchemas.derive(config);
    this.importedAt = importedAt;
    this.source = source;
  }

  public Result read(String line) {
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      return new Result.Invalid("not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return new Result.Invalid(
          "a line must hold one JSON object {\"entity\", \"op\", \"version\", \"item\"}");
    }
    List<String> problems = new ArrayList<>();
    root.fieldNames()
        .forEachRemaining(
            name -> {
              if (!LINE_KEYS.contains(name)) {
                problems.add(
                    "unknown field \""
                        + name
                        + "\" (expected entity, op, version, item, optional comment)");
              }
            });
    EntityDefinition entity = entity(root.get("entity"), problems);
    String op = op(root.get("op"), problems);
    Long version = version(root.get("version"), problems);
    JsonNode item = root.get("item");
    if (item == null || !item.isObject()) {
      problems.add(item == null ? "missing \"item\"" : "\"item\" must be an object");
    }
    if (entity == null || op == null || item == null || !item.isObject()) {
      return new Result.Invalid(String.join("; ", problems));
    }
    Schema event = schemas.get(entity.token());
    boolean upsert = op.equals("UPSERT");
    String payloadField = upsert ? entity.token() : entity.token() + "Key";
    Schema payload = nonNull(event.getField(payloadField).schema());
    GenericRecord record = payload(entity, payload, item, upsert, problems);
    if (version == null || !problems.isEmpty()) {
      return new Result.Invalid(String.join("; ", problems));
    }
    GenericRecordBuilder envelope =
        new GenericRecordBuilder(event)
            .set(
                "eventId",
                UUID.nameUUIDFromBytes(line.strip().getBytes(StandardCharsets.UTF_8)).toString())
            .set("op", new GenericData.EnumSymbol(event.getField("op").schema(), op))
            .set("version", version)
            .set("occurredAt", importedAt.toEpochMilli())
            .set("source", source)
            .set(payloadField, record);
    String key = String.valueOf(record.get(entity.uniqueProperty()));
    return new Result.Event(new GenericChange(entity.token(), key, envelope.build()));
  }

  private EntityDefinition entity(JsonNode node, List<String> problems) {
    if (node == null || !node.isTextual()) {
      problems.add(node == null ? "missing \"entity\"" : "\"entity\" must be a string");
      return null;
    }
    EntityDefinition entity = config.entity(node.asText()).orElse(null);
    if (entity == null || !schemas.containsKey(entity.token())) {
      problems.add(
          "unknown entity '"
              + node.asText()
              + "' (entities with declared attributes: "
              + String.join(", ", schemas.keySet())
              + ")");
      return null;
    }
    return entity;
  }

  private static String op(JsonNode node, List<String> problems) {
    if (node == null || !node.isTextual() || !Set.of("UPSERT", "DELETE").contains(node.asText())) {
      problems.add(
          node == null ? "missing \"op\"" : "\"op\" must be \"UPSERT\" or \"DELETE\", got " + node);
      return null;
    }
    return node.asText();
  }

  private static Long version(JsonNode node, List<String> problems) {
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      problems.add(
          node == null
              ? "missing \"version\""
              : "\"version\" must be a whole number (64-bit), got " + node);
      return null;
    }
    return node.asLong();
  }

  /** The item as a record of {@code schema} (the state or the key), every problem collected. */
  private GenericRecord payload(
      EntityDefinition entity,
      Schema schema,
      JsonNode item,
      boolean upsert,
      List<String> problems) {
    item.fieldNames()
        .forEachRemaining(
            name -> {
              if (schema.getField(name) == null) {
                boolean declared = entity.model().attribute(name).isPresent();
                problems.add(
                    problem(
                        entity,
                        name,
                        "declared",
                        declared
                            ? "a DELETE carries only the key: "
                                + String.join(
                                    ", ",
                                    schema.getFields().stream().map(Schema.Field::name).toList())
                            : "not an attribute of "
                                + entity.token()
                                + " (declared: "
                                + String.join(", ", entity.model().attributes().keySet())
                                + ")"));
              }
            });
    GenericRecordBuilder record = new GenericRecordBuilder(schema);
    for (Schema.Field field : schema.getFields()) {
      AttributeDefinition attribute = entity.model().attribute(field.name()).orElseThrow();
      boolean required = field.schema().getType() != Schema.Type.UNION;
      JsonNode value = item.get(field.name());
      if (value == null || value.isNull()) {
        if (required) {
          problems.add(
              problem(
                  entity,
                  field.name(),
                  "required",
                  upsert ? "missing (required)" : "missing (a DELETE's key needs it)"));
        } else {
          record.set(field, null);
        }
        continue;
      }
      Object converted = value(entity, attribute, value, problems);
      if (converted != null) {
        record.set(field, converted);
      }
    }
    return problems.isEmpty() ? record.build() : null;
  }

  /** The value as the derived schema holds it, or null with a problem. */
  private Object value(
      EntityDefinition entity,
      AttributeDefinition attribute,
      JsonNode value,
      List<String> problems) {
    String name = attribute.name();
    switch (attribute.type()) {
      case STRING -> {
        if (!value.isTextual()) {
          problems.add(problem(entity, name, "type", "must be a string, got " + value));
          return null;
        }
        var violation =
            checks == Checks.DECLARATIONS
                ? attribute.checkText(value.asText())
                : java.util.Optional.<io.shardstream.core.config.AttributeViolation>empty();
        if (violation.isPresent()) {
          problems.add(problem(entity, name, violation.get().rule(), violation.get().message()));
          return null;
        }
        return value.asText();
      }
      case INTEGER -> {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
          problems.add(problem(entity, name, "type", "must be a whole number, got " + value));
          return null;
        }
        return value.asLong();
      }
      case NUMBER -> {
        if (!value.isNumber()) {
          problems.add(problem(entity, name, "type", "must be a number, got " + value));
          return null;
        }
        return value.asDouble();
      }
      case BOOLEAN -> {
        if (!value.isBoolean()) {
          problems.add(problem(entity, name, "type", "must be true or false, got " + value));
          return null;
        }
        return value.asBoolean();
      }
      case TIMESTAMP -> {
        Long millis = millis(value);
        if (millis == null) {
          problems.add(
              problem(
                  entity,
                  name,
                  "type",
                  "must be epoch milliseconds or an ISO-8601 instant with offset, got " + value));
        }
        return millis;
      }
      case DATE -> {
        try {
          if (value.isTextual()) {
            return (int) LocalDate.parse(value.asText()).toEpochDay();
          }
        } catch (DateTimeException e) {
          // reported below
        }
        problems.add(problem(entity, name, "type", "must be a date yyyy-MM-dd, got " + value));
        return null;
      }
    }
    throw new AssertionError(attribute.type());
  }

  private static Long millis(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    if (value.isTextual()) {
      try {
        return OffsetDateTime.parse(value.asText()).toInstant().toEpochMilli();
      } catch (DateTimeException e) {
        return null;
      }
    }
    return null;
  }

  private static String problem(
      EntityDefinition entity, String property, String rule, String message) {
    return "entity '"
        + entity.token()
        + "', property '"
        + property
        + "', rule "
        + rule
        + ": "
        + message;
  }

  private static Schema nonNull(Schema schema) {
    return schema.getType() == Schema.Type.UNION ? schema.getTypes().get(1) : schema;
  }
}

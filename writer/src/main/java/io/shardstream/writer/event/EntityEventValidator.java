package io.shardstream.writer.event;

import io.shardstream.core.config.AttributeDefinition;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.EntityModel;
import io.shardstream.core.config.ParentRelation;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.check.Rejection;
import io.shardstream.writer.item.TableItems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Checks a decoded change event of one entity against the entity's declarations and turns it into
 * an {@link EntityChange} the version gate can apply: the payload fits the operation, the Kafka key
 * is the unique id, every declared attribute keeps its rules ({@link AttributeRules}), and the item
 * makes keys within DynamoDB's limits. Every reason is {@code invalid:<entity>.<property>:<rule>};
 * every name in them comes from the configuration.
 *
 * <p>The events are read by field name from any {@link GenericRecord} of the entity's event schema
 * (the derived one, or a generated class of the same envelope): {@code op}, {@code version}, {@code
 * eventId}, the state record named after the token and the key record named token + {@code Key}.
 * Uniqueness and the parent's liveness need state, so the stages check them, not this class.
 */
public final class EntityEventValidator {
  private final EntityDefinition entity;
  private final EntityModel model;
  private final TableItems items;
  private final AttributeRules rules;
  private final String stateField;
  private final String keyField;

  /**
   * @throws IllegalArgumentException the entity declares no attributes (nothing to validate by)
   */
  public EntityEventValidator(EntityDefinition entity, TableItems items, Duration futureSkew) {
    if (!entity.model().declaresAttributes()) {
      throw new IllegalArgumentException(
          "entity '"
              + entity.token()
              + "' declares no attributes: the writer needs them to read its events (add"
              + " \"attributes\" to the entity in the configuration)");
    }
    this.entity = entity;
    this.model = entity.model();
    this.items = items;
    this.rules = new AttributeRules(entity.token(), identities(entity, items.config()), futureSkew);
    this.stateField = entity.token();
    this.keyField = entity.token() + "Key";
  }

  public String entity() {
    return entity.token();
  }

  /**
   * The string attributes that name something and so may not be blank: the unique id, the parent
   * reference and the key binding. Other required strings may be empty, as they always could.
   */
  private static Set<String> identities(EntityDefinition entity, EntityConfig config) {
    Set<String> names = new HashSet<>();
    names.add(entity.uniqueProperty());
    entity.model().parent().ifPresent(parent -> names.add(parent.property()));
    config.keyBindingProperty().ifPresent(names::add);
    return names;
  }

  /**
   * @param recordKey the Kafka key as a string (null when the record had none)
   * @param recordTimestamp the Kafka record's timestamp, the "now" of the future check
   */
  public Checked<EntityChange> check(String recordKey, GenericRecord event, long recordTimestamp) {
    GenericRecord state = record(event, stateField);
    GenericRecord key = record(event, keyField);
    return switch (String.valueOf(event.get("op"))) {
      case "UPSERT" -> upsert(recordKey, event, state, key, recordTimestamp);
      case "DELETE" -> delete(recordKey, event, key, state);
      default ->
          Checked.rejected(
              Rejection.invalid(
                  entity.token(), "op", "unknown", "unknown op '" + event.get("op") + "'"));
    };
  }

  /** The event's id, for tracing and the change feed. */
  public static String eventId(GenericRecord event) {
    return String.valueOf(event.get("eventId"));
  }

  private Checked<EntityChange> upsert(
      String recordKey, GenericRecord event, GenericRecord state, GenericRecord key, long now) {
    Optional<Rejection> shape = shape("UPSERT", stateField, state, keyField, key);
    if (shape.isPresent()) {
      return Checked.rejected(shape.get());
    }
    Map<String, Object> item = new LinkedHashMap<>();
    Optional<Rejection> broken = attributes(state, item, recordKey, now);
    if (broken.isPresent()) {
      return Checked.rejected(broken.get());
    }
    String id = String.valueOf(item.get(entity.uniqueProperty()));
    long timestamp = item.get(entity.timestampProperty()) instanceof Long t ? t : 0L;
    Optional<ParentLink> parent = model.parent().map(relation -> link(relation, item));
    return items
        .keyed(entity.token(), item)
        .then(
            keyed ->
                Checked.ok(
                    new EntityChange.Upsert(
                        entity.token(),
                        id,
                        version(event),
                        eventId(event),
                        timestamp,
                        parent,
                        item,
                        keyed)));
  }

  /**
   * Every declared attribute in order, the unique id first and the Kafka key right after it: the
   * first broken rule is the reason.
   */
  private Optional<Rejection> attributes(
      GenericRecord state, Map<String, Object> item, String recordKey, long now) {
    List<AttributeDefinition> order = new ArrayList<>();
    order.add(model.attributes().get(entity.uniqueProperty()));
    model.attributes().values().stream()
        .filter(a -> !a.name().equals(entity.uniqueProperty()))
        .forEach(order::add);
    Map<String, Object> checked = new LinkedHashMap<>();
    for (AttributeDefinition attribute : order) {
      Optional<Rejection> broken =
          attribute(attribute, field(state, attribute.name()), checked, now);
      if (broken.isPresent()) {
        return broken;
      }
      if (attribute.name().equals(entity.uniqueProperty())) {
        broken = keyMatches(recordKey, String.valueOf(checked.get(attribute.name())));
        if (broken.isPresent()) {
          return broken;
        }
      }
    }
    // Once every value is known: notBefore may name an attribute declared after it.
    for (AttributeDefinition attribute : model.attributes().values()) {
      Optional<Rejection> broken = rules.notBefore(attribute, checked);
      if (broken.isPresent()) {
        return broken;
      }
    }
    // The item keeps the declared order, whatever order the rules ran in.
    model.attributes().keySet().stream()
        .filter(checked::containsKey)
        .forEach(name -> item.put(name, checked.get(name)));
    return Optional.empty();
  }

  private Optional<Rejection> attribute(
      AttributeDefinition attribute, Object raw, Map<String, Object> checked, long now) {
    Checked<Optional<Object>> value = rules.value(attribute, raw);
    if (value instanceof Checked.Rejected<Optional<Object>> rejected) {
      return Optional.of(rejected.rejection());
    }
    Optional<Object> present = ((Checked.Ok<Optional<Object>>) value).value();
    if (present.isEmpty()) {
      return Optional.empty();
    }
    checked.put(attribute.name(), present.get());
    if (attribute.name().equals(entity.timestampProperty())
        && present.get() instanceof Long millis) {
      return rules.notInFuture(attribute.name(), millis, now);
    }
    return Optional.empty();
  }

  private Checked<EntityChange> delete(
      String recordKey, GenericRecord event, GenericRecord key, GenericRecord state) {
    Optional<Rejection> shape = shape("DELETE", keyField, key, stateField, state);
    if (shape.isPresent()) {
      return Checked.rejected(shape.get());
    }
    String id = text(field(key, entity.uniqueProperty()));
    // A co-located child's DELETE names its partition: the parent reference must be there too.
    Optional<String> reference =
        model.parent().filter(ParentRelation::colocated).map(ParentRelation::property);
    Optional<Rejection> broken =
        notEmpty(entity.uniqueProperty(), id)
            .or(() -> keyMatches(recordKey, id))
            .or(() -> reference.flatMap(ref -> notEmpty(ref, text(field(key, ref)))));
    if (broken.isPresent()) {
      return Checked.rejected(broken.get());
    }
    Map<String, Object> keyFields = new LinkedHashMap<>();
    for (Schema.Field f : key.getSchema().getFields()) {
      Object raw = key.get(f.pos());
      AttributeDefinition attribute = model.attributes().get(f.name());
      if (raw != null && attribute != null) {
        keyFields.put(f.name(), AttributeRules.plain(attribute.type(), raw));
      }
    }
    OptionalLong timestamp =
        keyFields.get(entity.timestampProperty()) instanceof Long t
            ? OptionalLong.of(t)
            : OptionalLong.empty();
    Optional<ParentLink> parent =
        model.parent().filter(ParentRelation::colocated).map(relation -> link(relation, keyFields));
    long version = version(event);
    String eventId = eventId(event);
    if (timestamp.isPresent() || parent.isPresent()) {
      return items
          .primaryKey(entity.token(), keyFields)
          .then(
              primaryKey ->
                  Checked.ok(delete(id, version, eventId, timestamp, parent, primaryKey)));
    }
    // Never seen by its key alone: it must still make keys, every shard it may be in is cleared.
    return items
        .candidateKeys(entity.token(), id)
        .then(keys -> Checked.ok(delete(id, version, eventId, timestamp, parent, null)));
  }

  private EntityChange delete(
      String id,
      long version,
      String eventId,
      OptionalLong timestamp,
      Optional<ParentLink> parent,
      PrimaryKey key) {
    return new EntityChange.Delete(
        entity.token(), id, version, eventId, timestamp, parent, Optional.ofNullable(key));
  }

  private static ParentLink link(ParentRelation relation, Map<String, Object> values) {
    OptionalLong parentTimestamp =
        relation
            .parentTimestampProperty()
            .map(values::get)
            .filter(Long.class::isInstance)
            .map(v -> OptionalLong.of((Long) v))
            .orElse(OptionalLong.empty());
    return new ParentLink(
        relation.entity(), String.valueOf(values.get(relation.property())), parentTimestamp);
  }

  /** The payload that must be present, or absent, for the operation. */
  private Optional<Rejection> shape(
      String op, String required, Object requiredValue, String forbidden, Object forbiddenValue) {
    if (requiredValue == null) {
      return Optional.of(
          Rejection.invalid(entity.token(), required, "missing", op + " needs '" + required + "'"));
    }
    if (forbiddenValue != null) {
      return Optional.of(
          Rejection.invalid(
              entity.token(), forbidden, "unexpected", op + " must not carry '" + forbidden + "'"));
    }
    return Optional.empty();
  }

  private Optional<Rejection> notEmpty(String property, String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(
          Rejection.invalid(entity.token(), property, "empty", "'" + property + "' is empty"));
    }
    return Optional.empty();
  }

  /** The Kafka key must be the entity's unique id, or the partitioning (and ordering) is wrong. */
  private Optional<Rejection> keyMatches(String recordKey, String id) {
    String property = entity.uniqueProperty();
    if (recordKey == null) {
      return Optional.of(
          Rejection.invalid(
              entity.token(),
              "key",
              "missing",
              "the record has no key; it must be the " + property + " '" + id + "'"));
    }
    if (!recordKey.equals(id)) {
      return Optional.of(
          Rejection.invalid(
              entity.token(),
              "key",
              "mismatch",
              "the record key '"
                  + recordKey
                  + "' is not the event's "
                  + property
                  + " '"
                  + id
                  + "'"));
    }
    return Optional.empty();
  }

  private static long version(GenericRecord event) {
    return ((Number) event.get("version")).longValue();
  }

  private static GenericRecord record(GenericRecord event, String name) {
    return field(event, name) instanceof GenericRecord record ? record : null;
  }

  /** A field's value, null when the record's schema has no such field (an older writer schema). */
  private static Object field(GenericRecord record, String name) {
    return record.getSchema().getField(name) == null ? null : record.get(name);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}

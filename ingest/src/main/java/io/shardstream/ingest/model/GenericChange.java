package io.shardstream.ingest.model;

import java.util.Objects;
import org.apache.avro.generic.GenericRecord;

/**
 * One valid line of the generic import format: the entity, the Kafka key (the entity's unique
 * property's value) and the event as a record of the entity's derived schema ({@code
 * io.shardstream.schemas.model.EntityEventSchemas}).
 */
public record GenericChange(String entity, String key, GenericRecord event) {
  public GenericChange {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(event, "event");
  }
}

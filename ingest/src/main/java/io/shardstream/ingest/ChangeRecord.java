package io.shardstream.ingest;

import io.shardstream.schemas.Topic;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;

/**
 * One record bound for a change-event topic: its topic, its Kafka key (the entity's unique
 * property) and its value. Sources build these; {@link EventSink}s deliver them, to the topic's
 * configured name ({@link ChangeTopicNames#of(ChangeRecord)}).
 */
public sealed interface ChangeRecord {

  /**
   * The Kafka record key: the userId of a user event, the address of an email event, the unique
   * property's value of an entity event.
   */
  String key();

  static ChangeRecord of(UserChangeEvent event) {
    return new UserEventRecord(event);
  }

  static ChangeRecord of(EmailChangeEvent event) {
    return new EmailEventRecord(event);
  }

  /**
   * An event of any entity of the configured model, as a record of the entity's derived schema
   * ({@code io.shardstream.schemas.model.EntityEventSchemas}), for the topic named {@code topic}
   * (the entity's topic in this deployment, {@link EntityTopicNames}).
   */
  record EntityEvent(String entity, String topic, String key, GenericRecord event)
      implements ChangeRecord {
    public EntityEvent {
      Objects.requireNonNull(entity, "entity");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(event, "event");
    }
  }

  /** A user event, keyed by userId (from the state on UPSERT, the key on DELETE). */
  record UserEventRecord(UserChangeEvent event) implements ChangeRecord {
    public UserEventRecord {
      Objects.requireNonNull(event, "event");
    }

    /** The topic the record is for. */
    public Topic<String, UserChangeEvent> topic() {
      return Topics.USERS;
    }

    @Override
    public String key() {
      if (event.getUser() != null) {
        return event.getUser().getUserId();
      }
      return event.getUserKey() == null ? "" : event.getUserKey().getUserId();
    }
  }

  /** An email event, keyed by the address. */
  record EmailEventRecord(EmailChangeEvent event) implements ChangeRecord {
    public EmailEventRecord {
      Objects.requireNonNull(event, "event");
    }

    /** The topic the record is for. */
    public Topic<String, EmailChangeEvent> topic() {
      return Topics.EMAILS;
    }

    @Override
    public String key() {
      if (event.getEmail() != null) {
        return event.getEmail().getEmail();
      }
      return event.getEmailKey() == null ? "" : event.getEmailKey().getEmail();
    }
  }

  /**
   * Bytes that are deliberately not a decodable event (the generator's "undecodable" kind): they
   * bypass the serializer so that the writer's dead-letter path sees what a misconfigured producer
   * would send. Only Kafka can carry them; a JSON lines file cannot.
   */
  record Undecodable(Topic<String, ?> topic, String key, byte[] value) implements ChangeRecord {
    public Undecodable {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(key, "key");
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Undecodable that
          && topic.equals(that.topic)
          && key.equals(that.key)
          && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(topic, key, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
      return "Undecodable[topic="
          + topic
          + ", key="
          + key
          + ", value="
          + HexFormat.of().formatHex(value)
          + "]";
    }
  }
}

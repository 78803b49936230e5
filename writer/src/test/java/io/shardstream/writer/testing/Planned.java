package io.shardstream.writer.testing;

import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.writer.TopicNames;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One record a scenario sends: its topic, key, payload and, for the records made invalid on
 * purpose, the dead-letter reason the writer must give.
 */
public record Planned(Target target, String key, Payload payload, String expectedReason) {

  public enum Target {
    USERS,
    EMAILS
  }

  public Planned {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(payload, "payload");
  }

  public static Planned user(UserChangeEvent event) {
    String key =
        event.getUser() != null ? event.getUser().getUserId() : event.getUserKey().getUserId();
    return new Planned(Target.USERS, key, new Payload.User(event), null);
  }

  public static Planned email(EmailChangeEvent event) {
    String key =
        event.getEmail() != null ? event.getEmail().getEmail() : event.getEmailKey().getEmail();
    return new Planned(Target.EMAILS, key, new Payload.Email(event), null);
  }

  public static Planned invalid(Target target, String key, Payload payload, String reason) {
    return new Planned(target, key, payload, Objects.requireNonNull(reason, "reason"));
  }

  public boolean valid() {
    return expectedReason == null;
  }

  /** The record value, in the framing of the given serializers. */
  public byte[] value(
      Serializer<UserChangeEvent> users,
      Serializer<EmailChangeEvent> emails,
      String usersTopic,
      String emailsTopic) {
    return switch (payload) {
      case Payload.User user -> users.serialize(usersTopic, user.event());
      case Payload.Email email -> emails.serialize(emailsTopic, email.event());
      case Payload.Raw raw -> raw.bytes();
      case Payload.Null ignored -> null;
      case Payload.Truncated truncated -> {
        byte[] whole =
            truncated.event() instanceof UserChangeEvent user
                ? users.serialize(usersTopic, user)
                : emails.serialize(emailsTopic, (EmailChangeEvent) truncated.event());
        yield java.util.Arrays.copyOf(whole, whole.length - 3);
      }
      case Payload.OtherTopics other -> emails.serialize(emailsTopic, other.event());
    };
  }

  /** The record to send: its target's topic, its key in UTF-8, its value as {@link #value}. */
  public ProducerRecord<byte[], byte[]> record(
      TopicNames topics, Serializer<UserChangeEvent> users, Serializer<EmailChangeEvent> emails) {
    return new ProducerRecord<>(
        target == Target.USERS ? topics.entity("user") : topics.entity("email"),
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value(users, emails, topics.entity("user"), topics.entity("email")));
  }

  /** What the record carries. */
  public sealed interface Payload {
    record User(UserChangeEvent event) implements Payload {}

    record Email(EmailChangeEvent event) implements Payload {}

    /** Bytes as they are. */
    record Raw(byte[] bytes) implements Payload {}

    /** No value: a Kafka tombstone. */
    record Null() implements Payload {}

    /** A serialized event cut short. */
    record Truncated(Object event) implements Payload {}

    /** An email event framed for the emails topic (sent to the users topic). */
    record OtherTopics(EmailChangeEvent event) implements Payload {}
  }
}

package io.shardstream.ingest.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes change events as lines of the import format (entity events: the generic format, {@link
 * GenericEventLine}), every field explicit (ids, timestamps as ISO-8601 UTC) and in a fixed order,
 * so that equal events give byte-identical lines and {@link EventLineParser} reads back equal
 * events.
 */
public final class EventLineWriter {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One line, without its line break. */
  public String write(ChangeRecord record) {
    return write(record, null);
  }

  /**
   * One line with an optional {@code comment} field, which the parser ignores.
   *
   * @throws IllegalArgumentException for undecodable bytes, which the format cannot carry
   */
  public String write(ChangeRecord record, String comment) {
    ObjectNode line =
        switch (record) {
          case ChangeRecord.UserEventRecord user -> user(user.event());
          case ChangeRecord.EmailEventRecord email -> email(email.event());
          case ChangeRecord.EntityEvent entity -> GenericEventLine.of(entity);
          case ChangeRecord.Undecodable raw ->
              throw new IllegalArgumentException(
                  "a JSON lines file holds events, not raw bytes: cannot write " + raw);
        };
    if (comment != null) {
      line.put("comment", comment);
    }
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of strings and numbers always writes
    }
  }

  private static ObjectNode user(UserChangeEvent event) {
    ObjectNode line =
        envelope(
            "user",
            event.getOp().name(),
            event.getVersion(),
            event.getEventId().toString(),
            event.getOccurredAt(),
            event.getSource());
    if (event.getUser() != null) {
      var user = event.getUser();
      ObjectNode state = line.putObject("user");
      state.put("userId", user.getUserId());
      state.put("beneficiaryId", user.getBeneficiaryId());
      state.put("firstName", user.getFirstName());
      state.put("lastName", user.getLastName());
      putIfPresent(state, "phone", user.getPhone());
      state.put("created", timestamp(user.getCreated()));
      state.put("updated", timestamp(user.getUpdated()));
      putIfPresent(state, "locale", user.getLocale());
    }
    if (event.getUserKey() != null) {
      ObjectNode key = line.putObject("userKey");
      key.put("userId", event.getUserKey().getUserId());
      key.put("created", timestamp(event.getUserKey().getCreated()));
    }
    return line;
  }

  private static ObjectNode email(EmailChangeEvent event) {
    ObjectNode line =
        envelope(
            "email",
            event.getOp().name(),
            event.getVersion(),
            event.getEventId().toString(),
            event.getOccurredAt(),
            event.getSource());
    if (event.getEmail() != null) {
      ObjectNode state = line.putObject("email");
      state.put("email", event.getEmail().getEmail());
      state.put("userId", event.getEmail().getUserId());
      state.put("created", timestamp(event.getEmail().getCreated()));
    }
    if (event.getEmailKey() != null) {
      line.putObject("emailKey").put("email", event.getEmailKey().getEmail());
    }
    return line;
  }

  private static ObjectNode envelope(
      String type, String op, long version, String eventId, Instant occurredAt, String source) {
    ObjectNode line = JSON.createObjectNode();
    line.put("type", type);
    line.put("op", op);
    line.put("version", version);
    line.put("eventId", eventId);
    line.put("occurredAt", timestamp(occurredAt));
    line.put("source", source);
    return line;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String timestamp(Instant instant) {
    return instant.toString();
  }
}

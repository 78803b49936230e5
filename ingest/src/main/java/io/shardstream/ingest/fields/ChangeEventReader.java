package io.shardstream.ingest.fields;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.EmailKey;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.avro.UserKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes a change event from its fields, whichever source they come from (a JSON line, a DynamoDB
 * stream record's image): the one place that knows the event's fields, defaults and structural
 * rules (known fields, required fields, types, and that the payload matches the operation), so
 * every source gives the same event and the same problems for the same values. Whether a userId is
 * empty or a phone holds letters is the writer's business: it dead-letters such events with a
 * reason, and ingest must not hide them from it.
 */
public final class ChangeEventReader {
  private static final Set<String> ENVELOPE_FIELDS =
      Set.of("type", "op", "version", "eventId", "occurredAt", "source", "comment");

  /** A user's state fields, as an UPSERT carries them (in the format's order). */
  public static final List<String> USER_FIELDS =
      List.of(
          "userId",
          "beneficiaryId",
          "firstName",
          "lastName",
          "phone",
          "created",
          "updated",
          "locale");

  /** A user DELETE's key fields: {@code created} picks the user's shard. */
  public static final List<String> USER_KEY_FIELDS = List.of("userId", "created");

  /** An email's state fields, as an UPSERT carries them. */
  public static final List<String> EMAIL_FIELDS = List.of("email", "userId", "created");

  /** An email DELETE's key fields. */
  public static final List<String> EMAIL_KEY_FIELDS = List.of("email");

  private static final Set<String> USER_LINE_FIELDS =
      union(ENVELOPE_FIELDS, Set.of("user", "userKey"));
  private static final Set<String> EMAIL_LINE_FIELDS =
      union(ENVELOPE_FIELDS, Set.of("email", "emailKey"));

  private final Instant importedAt;
  private final String defaultSource;

  /**
   * @param importedAt the {@code occurredAt} of DELETEs that give none (an UPSERT's defaults to its
   *     own {@code updated} or {@code created})
   * @param defaultSource the {@code source} of events that give none
   */
  public ChangeEventReader(Instant importedAt, String defaultSource) {
    this.importedAt = Objects.requireNonNull(importedAt, "importedAt");
    this.defaultSource = Objects.requireNonNull(defaultSource, "defaultSource");
  }

  /** An event, or every problem found, joined with "; ". */
  public sealed interface Result {
    record Event(ChangeRecord record) implements Result {}

    record Invalid(String reason) implements Result {}
  }

  /**
   * @param identity what a missing {@code eventId} is derived from (a name-based UUID of it): the
   *     same input must give the same id when it is read again
   */
  public Result read(FieldMap root, String identity) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(identity, "identity");
    FieldReader fields = new FieldReader();
    ChangeRecord record = read(root, identity, fields);
    return fields.hasProblems() || record == null
        ? new Result.Invalid(fields.problems())
        : new Result.Event(record);
  }

  private ChangeRecord read(FieldMap root, String identity, FieldReader fields) {
    String type = fields.text(root, "", "type");
    ChangeOp op = op(fields.text(root, "", "op"), fields);
    Long version = fields.wholeNumber(root, "", "version");
    Envelope envelope =
        new Envelope(
            op,
            version,
            eventId(fields.uuid(root, "", "eventId"), identity),
            fields.timestamp(root, "", "occurredAt", false),
            source(fields.optionalText(root, "", "source")));
    fields.optionalText(root, "", "comment");
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "user" -> user(root, envelope, fields);
      case "email" -> email(root, envelope, fields);
      default -> {
        fields.problem("\"type\" must be \"user\" or \"email\", got \"" + type + "\"");
        yield null;
      }
    };
  }

  private ChangeRecord user(FieldMap root, Envelope envelope, FieldReader fields) {
    fields.rejectUnknown(root, "", USER_LINE_FIELDS);
    FieldMap payload = payload(root, envelope.op(), "user", "userKey", fields);
    if (payload == null) {
      return null;
    }
    if (envelope.op() == ChangeOp.UPSERT) {
      fields.rejectUnknown(payload, "user", USER_FIELDS);
      // Read every field before building: Avro's constructors reject nulls with an exception.
      String userId = fields.text(payload, "user", "userId");
      String beneficiaryId = fields.text(payload, "user", "beneficiaryId");
      String firstName = fields.text(payload, "user", "firstName");
      String lastName = fields.text(payload, "user", "lastName");
      String phone = fields.optionalText(payload, "user", "phone");
      Instant created = fields.timestamp(payload, "user", "created", true);
      Instant updated = fields.timestamp(payload, "user", "updated", true);
      String locale = fields.optionalText(payload, "user", "locale");
      if (fields.hasProblems()) {
        return null;
      }
      User user =
          new User(userId, beneficiaryId, firstName, lastName, phone, created, updated, locale);
      return ChangeRecord.of(userEvent(envelope, updated).setUser(user).build());
    }
    fields.rejectUnknown(payload, "userKey", USER_KEY_FIELDS);
    String userId = fields.text(payload, "userKey", "userId");
    Instant created = fields.timestamp(payload, "userKey", "created", true);
    return fields.hasProblems()
        ? null
        : ChangeRecord.of(
            userEvent(envelope, importedAt).setUserKey(new UserKey(userId, created)).build());
  }

  private ChangeRecord email(FieldMap root, Envelope envelope, FieldReader fields) {
    fields.rejectUnknown(root, "", EMAIL_LINE_FIELDS);
    FieldMap payload = payload(root, envelope.op(), "email", "emailKey", fields);
    if (payload == null) {
      return null;
    }
    if (envelope.op() == ChangeOp.UPSERT) {
      fields.rejectUnknown(payload, "email", EMAIL_FIELDS);
      String address = fields.text(payload, "email", "email");
      String userId = fields.text(payload, "email", "userId");
      Instant created = fields.timestamp(payload, "email", "created", true);
      return fields.hasProblems()
          ? null
          : ChangeRecord.of(
              emailEvent(envelope, created).setEmail(new Email(address, userId, created)).build());
    }
    fields.rejectUnknown(payload, "emailKey", EMAIL_KEY_FIELDS);
    String address = fields.text(payload, "emailKey", "email");
    return fields.hasProblems()
        ? null
        : ChangeRecord.of(
            emailEvent(envelope, importedAt).setEmailKey(new EmailKey(address)).build());
  }

  private static UserChangeEvent.Builder userEvent(Envelope envelope, Instant defaultOccurredAt) {
    return UserChangeEvent.newBuilder()
        .setEventId(envelope.eventId())
        .setOp(envelope.op())
        .setVersion(envelope.version())
        .setOccurredAt(envelope.occurredAtOr(defaultOccurredAt))
        .setSource(envelope.source());
  }

  private static EmailChangeEvent.Builder emailEvent(Envelope envelope, Instant defaultOccurredAt) {
    return EmailChangeEvent.newBuilder()
        .setEventId(envelope.eventId())
        .setOp(envelope.op())
        .setVersion(envelope.version())
        .setOccurredAt(envelope.occurredAtOr(defaultOccurredAt))
        .setSource(envelope.source());
  }

  /** The payload the operation calls for; the other one must be absent, as in the Avro event. */
  private static FieldMap payload(
      FieldMap root, ChangeOp op, String stateField, String keyField, FieldReader fields) {
    if (op == null) {
      return null;
    }
    boolean upsert = op == ChangeOp.UPSERT;
    String wanted = upsert ? stateField : keyField;
    String unwanted = upsert ? keyField : stateField;
    FieldValue other = root.get(unwanted);
    if (other != null && !(other instanceof FieldValue.Null)) {
      fields.problem(
          "\"" + unwanted + "\" does not belong in " + op + " (it carries \"" + wanted + "\")");
    }
    return fields.object(root, "", wanted, true);
  }

  private static ChangeOp op(String text, FieldReader fields) {
    if (text == null) {
      return null;
    }
    return switch (text) {
      case "UPSERT" -> ChangeOp.UPSERT;
      case "DELETE" -> ChangeOp.DELETE;
      default -> {
        fields.problem("\"op\" must be \"UPSERT\" or \"DELETE\", got \"" + text + "\"");
        yield null;
      }
    };
  }

  /**
   * An event without an id gets a name-based UUID of its identity (a line's text, a stream record's
   * id), so reading the same input twice (a resumed import, a record KCL delivers again) sends the
   * same ids.
   */
  private static UUID eventId(UUID given, String identity) {
    return given != null
        ? given
        : UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
  }

  private String source(String given) {
    return given != null ? given : defaultSource;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
  }

  private record Envelope(
      ChangeOp op, Long version, UUID eventId, Instant occurredAt, String source) {
    Instant occurredAtOr(Instant fallback) {
      return occurredAt != null ? occurredAt : fallback;
    }
  }
}

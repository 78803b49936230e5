package io.shardstream.ingest.stream;

import io.shardstream.ingest.fields.ChangeEventReader;
import io.shardstream.ingest.fields.FieldMap;
import io.shardstream.ingest.fields.FieldValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Maps a DynamoDB Streams record to a change event: INSERT and MODIFY to an UPSERT carrying the new
 * image's state, REMOVE to a DELETE carrying the old image's key. The record's envelope and image
 * become a field map ({@link AttributeFields}) that {@link ChangeEventReader} reads as it reads a
 * JSON line's, so a stream record and a file line holding the same values give the same event and
 * the same problems; a field stored under another attribute name is named by it there.
 *
 * <ul>
 *   <li>Version: the new image's version attribute on UPSERT; on DELETE the old image's plus one,
 *       so the deletion is newer than the last state the table held.
 *   <li>{@code occurredAt}: the record's approximate creation time (the change's time in the
 *       table).
 *   <li>{@code eventId}: a name-based UUID of the table and the record's eventID, so a record that
 *       KCL delivers again is sent with the same id.
 *   <li>Attributes that are not fields of the entity are ignored: source tables carry their own
 *       (the version counter, TTLs, ...).
 * </ul>
 *
 * Only structural problems are found here (missing version or image, wrong types), each rejected
 * with a {@link RejectionCode}, a detail and the record as JSON, for its dead letter; semantic ones
 * (an empty userId, a bad address) pass on to the writer, which dead-letters them with a reason.
 */
public final class StreamRecordMapper {
  private final SourceMapping mapping;
  private final Clock clock;
  private final ChangeEventReader reader;

  public StreamRecordMapper(SourceMapping mapping, Clock clock) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.clock = Objects.requireNonNull(clock, "clock");
    // occurredAt is always given, so the reader's default for DELETEs is never used.
    this.reader = new ChangeEventReader(Instant.EPOCH, mapping.source());
  }

  public MappedChange map(Record record) {
    StreamRecord change = record.dynamodb();
    if (change == null) {
      return rejected(
          record, RejectionCode.NO_CHANGE, "the record holds no change (no 'dynamodb' part)");
    }
    OperationType operation = record.eventName();
    if (operation == null || operation == OperationType.UNKNOWN_TO_SDK_VERSION) {
      return rejected(
          record,
          RejectionCode.UNKNOWN_EVENT,
          "unknown event name '" + record.eventNameAsString() + "'");
    }
    return switch (operation) {
      case INSERT, MODIFY -> upsert(record, change.newImage());
      case REMOVE -> delete(record, change.oldImage());
      case UNKNOWN_TO_SDK_VERSION -> throw new AssertionError("handled above");
    };
  }

  private MappedChange upsert(Record record, Map<String, AttributeValue> image) {
    if (!change(record).hasNewImage()) {
      return rejected(
          record,
          RejectionCode.NO_NEW_IMAGE,
          "no new image: the stream's view type must be NEW_AND_OLD_IMAGES");
    }
    Version version = version(image, "new image");
    if (version.problem() != null) {
      return rejected(record, version.code(), version.problem());
    }
    FieldMap root =
        envelope(record, "UPSERT", version.value())
            .put(mapping.entity().stateField(), payload(image, mapping.entity().stateFields()))
            .build();
    return read(record, root);
  }

  private MappedChange delete(Record record, Map<String, AttributeValue> image) {
    if (!change(record).hasOldImage()) {
      return rejected(
          record,
          RejectionCode.NO_OLD_IMAGE,
          "no old image: the stream's view type must be NEW_AND_OLD_IMAGES "
              + "(a DELETE needs the item's key fields and version)");
    }
    Version version = version(image, "old image");
    if (version.problem() != null) {
      return rejected(record, version.code(), version.problem());
    }
    if (version.value() == Long.MAX_VALUE) {
      return rejected(
          record,
          RejectionCode.BAD_VERSION,
          "version attribute '"
              + mapping.versionAttribute()
              + "' is the largest 64-bit number: no version left for the deletion");
    }
    FieldMap root =
        envelope(record, "DELETE", version.value() + 1)
            .put(mapping.entity().keyField(), payload(image, mapping.entity().keyFields()))
            .build();
    return read(record, root);
  }

  private FieldMap.Builder envelope(Record record, String op, long version) {
    Instant created = change(record).approximateCreationDateTime();
    return FieldMap.builder()
        .text("type", mapping.entity().type())
        .text("op", op)
        .wholeNumber("version", version)
        .text("occurredAt", (created != null ? created : clock.instant()).toString())
        .text("source", mapping.source());
  }

  private FieldValue payload(Map<String, AttributeValue> image, Iterable<String> names) {
    return new FieldValue.Fields(AttributeFields.fields(image, names, mapping));
  }

  private MappedChange read(Record record, FieldMap root) {
    String identity =
        "ddb-stream:"
            + mapping.table()
            + ":"
            + (record.eventID() != null ? record.eventID() : change(record).sequenceNumber());
    return switch (reader.read(root, identity)) {
      case ChangeEventReader.Result.Event event -> new MappedChange.Event(event.record());
      case ChangeEventReader.Result.Invalid invalid ->
          rejected(record, RejectionCode.INVALID_FIELD, invalid.reason());
    };
  }

  /**
   * A whole number (N), or a timestamp as an S ISO-8601 instant, read as epoch milliseconds: a
   * table versioned by its {@code updated} attribute works whichever way it stores it.
   */
  private Version version(Map<String, AttributeValue> image, String which) {
    String name = mapping.versionAttribute();
    AttributeValue value = image.get(name);
    if (value == null || value.type() == AttributeValue.Type.NUL) {
      return Version.problem(
          RejectionCode.MISSING_VERSION,
          "missing version attribute '" + name + "' in the " + which);
    }
    if (value.type() == AttributeValue.Type.N) {
      try {
        return Version.of(new BigDecimal(value.n()).longValueExact());
      } catch (ArithmeticException | NumberFormatException e) {
        return Version.problem(
            RejectionCode.BAD_VERSION,
            "version attribute '" + name + "' must be a whole number (64-bit), got " + value.n());
      }
    }
    if (value.type() == AttributeValue.Type.S) {
      try {
        return Version.of(OffsetDateTime.parse(value.s()).toInstant().toEpochMilli());
      } catch (DateTimeException | ArithmeticException e) {
        return Version.problem(
            RejectionCode.BAD_VERSION,
            "version attribute '"
                + name
                + "' must be a number or an ISO-8601 instant, got \""
                + value.s()
                + "\"");
      }
    }
    return Version.problem(
        RejectionCode.BAD_VERSION,
        "version attribute '"
            + name
            + "' must be a number (N) or an ISO-8601 instant (S), got a "
            + value.type()
            + " attribute");
  }

  private MappedChange.Rejected rejected(Record record, RejectionCode code, String reason) {
    return new MappedChange.Rejected(
        code, describe(record) + ": " + reason, mapping.table(), StreamRecordJson.of(record));
  }

  /** {@code table users-src, REMOVE seq 4100000000000012 key {userId=u-1}}. */
  private String describe(Record record) {
    StringBuilder text =
        new StringBuilder("table ")
            .append(mapping.table())
            .append(", ")
            .append(record.eventNameAsString());
    StreamRecord change = record.dynamodb();
    if (change != null) {
      text.append(" seq ").append(change.sequenceNumber());
      if (change.hasKeys()) {
        Map<String, String> keys = new TreeMap<>();
        change
            .keys()
            .forEach((name, value) -> keys.put(name, AttributeJson.toJson(value).asText()));
        text.append(" key ").append(keys);
      }
    }
    return text.toString();
  }

  private static StreamRecord change(Record record) {
    return record.dynamodb();
  }

  private record Version(long value, RejectionCode code, String problem) {
    static Version of(long value) {
      return new Version(value, null, null);
    }

    static Version problem(RejectionCode code, String problem) {
      return new Version(0, code, problem);
    }
  }
}

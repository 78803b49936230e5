package io.shardstream.ingest.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.RejectedInput;
import io.shardstream.schemas.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What one stream record becomes: a change event, or a reason why it cannot be one. */
public sealed interface MappedChange {

  record Event(ChangeRecord record) implements MappedChange {
    public Event {
      Objects.requireNonNull(record, "record");
    }
  }

  /**
   * Not an event.
   *
   * @param code why, stable: the dead letter's reason and the counters' key
   * @param detail the record (table, operation, sequence number, key) and the rule broken, for the
   *     log and the dead letter
   * @param table the source table
   * @param record the stream record as JSON ({@link StreamRecordJson}), kept whole in the dead
   *     letter
   */
  record Rejected(RejectionCode code, String detail, String table, JsonNode record)
      implements MappedChange {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(record, "record");
    }

    /**
     * The dead letter: key = the record's key attributes as JSON (one item's dead letters share a
     * partition), value = the record as JSON, source headers = table, sequence number, event name.
     */
    public RejectedInput toDeadLetter() {
      JsonNode keys = record.get(StreamRecordJson.KEYS);
      Map<String, String> source = new LinkedHashMap<>();
      source.put(DeadLetterHeaders.SOURCE_TABLE, table);
      text(StreamRecordJson.SEQUENCE_NUMBER)
          .ifPresent(seq -> source.put(DeadLetterHeaders.SOURCE_SEQUENCE_NUMBER, seq));
      text(StreamRecordJson.EVENT_NAME)
          .ifPresent(name -> source.put(DeadLetterHeaders.SOURCE_EVENT_NAME, name));
      return new RejectedInput(
          code.code(), detail, keys == null ? null : bytes(keys), bytes(record), source);
    }

    private Optional<String> text(String field) {
      JsonNode value = record.get(field);
      return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    // JsonNode.toString() writes standard JSON (binary attributes as base64 strings).
    private static byte[] bytes(JsonNode json) {
      return json.toString().getBytes(StandardCharsets.UTF_8);
    }
  }
}

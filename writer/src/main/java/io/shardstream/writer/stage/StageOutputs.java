package io.shardstream.writer.stage;

import io.shardstream.schemas.changes.AppliedChange;
import io.shardstream.schemas.changes.AppliedChangeJson;
import io.shardstream.writer.dlq.RefusedRecord;
import io.shardstream.writer.state.JsonSerde;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Where a stage's processor sends records, one typed method per destination: an owner change can
 * only go to the owner-changes sink, a cascade command to the cascade sink, a dead letter to the
 * stage's dead-letter sink. Each record is serialized here, so a processor's output is the bytes
 * its sink nodes write as they are; the bytes are the ones the sinks' serializers used to make
 * (keys as UTF-8, internal records as {@link JsonSerde} JSON, applied changes as {@link
 * AppliedChangeJson}).
 */
final class StageOutputs {
  private static final JsonSerde<EmailOwnerChange> OWNER_CHANGES =
      JsonSerde.of(EmailOwnerChange.class);
  private static final JsonSerde<CascadeCommand> CASCADES = JsonSerde.of(CascadeCommand.class);

  private final ProcessorContext<byte[], byte[]> context;
  private final String deadLetterSink;
  private final String changesSink;

  /**
   * @param deadLetterSink the stage's dead-letter sink node ({@link NodeNames})
   * @param changesSink the stage's change-feed sink node
   */
  StageOutputs(
      ProcessorContext<byte[], byte[]> context, String deadLetterSink, String changesSink) {
    this.context = context;
    this.deadLetterSink = deadLetterSink;
    this.changesSink = changesSink;
  }

  /**
   * A change the stage hands to its table sink in the same step, to the change feed keyed by the
   * item's id. It goes out in the task's transaction, which commits only after the sink's writes
   * are durable (writer/README.md, "Change feed"), so a {@code read_committed} reader never sees a
   * change before the table has it.
   */
  void applied(AppliedChange change, long timestamp) {
    context.forward(
        new Record<>(
            utf8(change.id()), AppliedChangeJson.toBytes(change), timestamp, new RecordHeaders()),
        changesSink);
  }

  /** Email stage → user stage, keyed by the owner's userId. */
  void ownerChange(String userId, EmailOwnerChange change, long timestamp, Headers headers) {
    context.forward(
        new Record<>(utf8(userId), OWNER_CHANGES.toBytes(change), timestamp, headers),
        NodeNames.EMAIL_OWNER_CHANGES_SINK);
  }

  /** User stage → email stage, keyed by the address. No headers of the source travel with it. */
  void cascade(String email, CascadeCommand command, long timestamp) {
    context.forward(
        new Record<>(utf8(email), CASCADES.toBytes(command), timestamp, new RecordHeaders()),
        NodeNames.EMAIL_CASCADE_SINK);
  }

  /**
   * The refused record to the dead-letter topic, with the headers of the record that carried it.
   */
  void deadLetter(RefusedRecord refused, Headers originalHeaders) {
    context.forward(refused.toRecord(originalHeaders), deadLetterSink);
  }

  private static byte[] utf8(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }
}

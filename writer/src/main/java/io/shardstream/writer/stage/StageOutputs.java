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
 * only go to the stage's owner-changes sink, a cascade command to its child's cascade sink, a dead
 * letter to the stage's dead-letter sink. Each record is serialized here, so a processor's output
 * is the bytes its sink nodes write as they are; the bytes are the ones the sinks' serializers used
 * to make (keys as UTF-8, internal records as {@link JsonSerde} JSON, applied changes as {@link
 * AppliedChangeJson}).
 */
final class StageOutputs {
  private static final JsonSerde<OwnerChange> OWNER_CHANGES = JsonSerde.of(OwnerChange.class);
  private static final JsonSerde<CascadeCommand> CASCADES = JsonSerde.of(CascadeCommand.class);

  private final ProcessorContext<byte[], byte[]> context;
  private final String entity;

  /**
   * @param entity the entity of the stage: its sinks are named after it ({@link NodeNames})
   */
  StageOutputs(ProcessorContext<byte[], byte[]> context, String entity) {
    this.context = context;
    this.entity = entity;
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
        NodeNames.changesSink(entity));
  }

  /** Child stage → parent stage, keyed by the parent's id. */
  void ownerChange(OwnerChange change, long timestamp, Headers headers) {
    context.forward(
        new Record<>(utf8(change.parentId()), OWNER_CHANGES.toBytes(change), timestamp, headers),
        NodeNames.ownerChangesSink(entity));
  }

  /** Parent stage → child stage, keyed by the child's id. No headers of the source travel. */
  void cascade(CascadeCommand command, long timestamp) {
    context.forward(
        new Record<>(utf8(command.id()), CASCADES.toBytes(command), timestamp, new RecordHeaders()),
        NodeNames.cascadeSink(command.entity()));
  }

  /**
   * The refused record to the dead-letter topic, with the headers of the record that carried it.
   */
  void deadLetter(RefusedRecord refused, Headers originalHeaders) {
    context.forward(refused.toRecord(originalHeaders), NodeNames.deadLettersSink(entity));
  }

  private static byte[] utf8(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }
}

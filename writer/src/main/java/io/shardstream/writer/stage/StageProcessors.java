package io.shardstream.writer.stage;

import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.writer.event.EmailEventValidator;
import io.shardstream.writer.event.UserEventValidator;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.WriterMetrics;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/**
 * The stages' processors, for the topology builder; one instance per task each. A processor that
 * writes to topics outputs the bytes of its records ({@link StageOutputs} serializes them, typed
 * per sink).
 */
public final class StageProcessors {
  private StageProcessors() {}

  public static ProcessorSupplier<byte[], byte[], byte[], byte[]> emailEvents(
      ChangeEventDecoder<EmailChangeEvent> decoder,
      EmailEventValidator validator,
      TableItems items,
      WriterMetrics metrics) {
    return () -> new EmailEventProcessor(decoder, validator, items, metrics);
  }

  public static ProcessorSupplier<String, CascadeCommand, byte[], byte[]> emailCascade(
      TableItems items, WriterMetrics metrics) {
    return () -> new EmailCascadeProcessor(items, metrics);
  }

  public static ProcessorSupplier<byte[], byte[], byte[], byte[]> userEvents(
      ChangeEventDecoder<UserChangeEvent> decoder,
      UserEventValidator validator,
      TableItems items,
      WriterMetrics metrics) {
    return () -> new UserEventProcessor(decoder, validator, items, metrics);
  }

  public static ProcessorSupplier<String, EmailOwnerChange, byte[], byte[]> emailOwnership(
      WriterMetrics metrics) {
    return () -> new EmailOwnershipProcessor(metrics);
  }
}

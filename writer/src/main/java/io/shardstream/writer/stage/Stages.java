package io.shardstream.writer.stage;

import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.writer.event.EmailEventValidator;
import io.shardstream.writer.event.UserEventValidator;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.WriterMetrics;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/** The stages' processors, for the topology builder; one instance per task each. */
public final class Stages {
  private Stages() {}

  public static ProcessorSupplier<byte[], byte[], Object, Object> emailEvents(
      ChangeEventDecoder<EmailChangeEvent> decoder,
      EmailEventValidator validator,
      TableItems items,
      WriterMetrics metrics) {
    return () -> new EmailEventProcessor(decoder, validator, items, metrics);
  }

  public static ProcessorSupplier<String, CascadeCommand, Object, Object> emailCascade(
      TableItems items, WriterMetrics metrics) {
    return () -> new EmailCascadeProcessor(items, metrics);
  }

  public static ProcessorSupplier<byte[], byte[], Object, Object> userEvents(
      ChangeEventDecoder<UserChangeEvent> decoder,
      UserEventValidator validator,
      TableItems items,
      WriterMetrics metrics) {
    return () -> new UserEventProcessor(decoder, validator, items, metrics);
  }

  public static ProcessorSupplier<String, EmailOwnerChange, Object, Object> emailOwnership(
      WriterMetrics metrics) {
    return () -> new EmailOwnershipProcessor(metrics);
  }
}

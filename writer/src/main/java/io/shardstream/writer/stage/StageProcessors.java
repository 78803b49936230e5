package io.shardstream.writer.stage;

import io.shardstream.core.config.EntityDefinition;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.writer.event.EntityChange;
import io.shardstream.writer.event.EntityEventValidator;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.WriterMetrics;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/**
 * The stages' processors, for the topology builder; one instance per task each. A processor that
 * writes to topics outputs the bytes of its records ({@link StageOutputs} serializes them, typed
 * per sink).
 */
public final class StageProcessors {
  private StageProcessors() {}

  /** An entity's own events. */
  public static ProcessorSupplier<byte[], byte[], byte[], byte[]> events(
      EntityDefinition entity,
      ChangeEventDecoder<GenericRecord> decoder,
      EntityEventValidator validator,
      TableItems items,
      EntityLinks links,
      WriterMetrics metrics) {
    return () ->
        new EntityEventProcessor(
            entity,
            new EventIntake<GenericRecord, EntityChange>(
                decoder, validator::check, EntityEventValidator::eventId),
            items,
            links,
            metrics);
  }

  /** A child's cascade commands from its parent's stage. */
  public static ProcessorSupplier<String, CascadeCommand, byte[], byte[]> cascade(
      EntityDefinition child, TableItems items, WriterMetrics metrics) {
    return () -> new CascadeProcessor(child, items, metrics);
  }

  /** A child's claims and releases, at its parent's stage. */
  public static ProcessorSupplier<String, OwnerChange, byte[], byte[]> ownership(
      EntityDefinition parent, EntityDefinition child, WriterMetrics metrics) {
    return () -> new OwnershipProcessor(parent, child, metrics);
  }
}

package io.shardstream.ingest;

import java.util.concurrent.CompletableFuture;

/**
 * Where sources deliver change records: Kafka, a JSON lines file (or memory, in tests). Delivery is
 * asynchronous so that a producer can keep many records in flight; the future says when one is
 * durable.
 */
public interface EventSink extends AutoCloseable {

  /**
   * Whether this sink can carry the record at all (a file cannot carry undecodable bytes). Callers
   * skip, and count, records a sink does not accept.
   */
  default boolean accepts(ChangeRecord record) {
    return true;
  }

  /**
   * Hands one record over. The future completes once the record is durable (for Kafka: acknowledged
   * by every in-sync replica) and fails when it cannot be delivered. May block while the sink's
   * buffer is full.
   *
   * @throws io.shardstream.schemas.registry.SchemaRegistryException when the schema registry is
   *     unreachable or refuses the schema: not the record's fault, so nothing to report per record
   */
  CompletableFuture<Void> send(ChangeRecord record);

  /**
   * Like {@link #send(ChangeRecord)}, with a note on what the record is for ({@code duplicate},
   * {@code invalid: phone-with-letters}). Sinks that can keep it do (a JSON lines file writes it as
   * a {@code comment}); the others ignore it.
   */
  default CompletableFuture<Void> send(ChangeRecord record, String note) {
    return send(record);
  }

  /** Blocks until every record handed over so far has completed, delivered or failed. */
  void flush();

  @Override
  void close();
}

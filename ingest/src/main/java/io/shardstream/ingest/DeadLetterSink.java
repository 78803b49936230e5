package io.shardstream.ingest;

import java.util.concurrent.CompletableFuture;

/**
 * Where sources send input that cannot become an event ({@link RejectedInput}): the dead-letter
 * topic, or a fake in tests. Like {@link EventSink}, delivery is asynchronous and the future says
 * when a dead letter is durable, so a source can checkpoint past it only then.
 */
public interface DeadLetterSink extends AutoCloseable {

  /**
   * Hands one dead letter over. The future completes once it is durable (for Kafka: acknowledged by
   * every in-sync replica) and fails when it cannot be delivered. May block while the buffer is
   * full.
   */
  CompletableFuture<Void> send(RejectedInput letter);

  /** Blocks until every dead letter handed over so far has completed, delivered or failed. */
  void flush();

  @Override
  void close();
}

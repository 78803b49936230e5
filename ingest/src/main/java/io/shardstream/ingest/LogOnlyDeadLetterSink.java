package io.shardstream.ingest;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps dead letters only in the log (WARN, with the whole value): for runs without a dead-letter
 * topic, such as tests and benchmarks of the event path. Production runs use the Kafka one.
 */
public final class LogOnlyDeadLetterSink implements DeadLetterSink {
  private static final Logger LOG = LoggerFactory.getLogger(LogOnlyDeadLetterSink.class);

  @Override
  public CompletableFuture<Void> send(RejectedInput letter) {
    LOG.warn(
        "dead letter kept in this log only (no dead-letter topic configured): {} {}",
        letter.reason(),
        new String(letter.value(), StandardCharsets.UTF_8));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}

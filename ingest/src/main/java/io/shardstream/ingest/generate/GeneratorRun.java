package io.shardstream.ingest.generate;

import io.shardstream.ingest.EventSink;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.RateLimiter;
import io.shardstream.schemas.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends generated events to a sink at a chosen pace, showing progress, until the generator is done
 * or a delivery fails (later events would fail too, and the writer would see gaps).
 */
public final class GeneratorRun {
  private final EventSink sink;
  private final RateLimiter rateLimiter;
  private final ProgressDisplay progress;
  private final Map<EventKind, Long> byKind = new EnumMap<>(EventKind.class);
  private final Map<InvalidKind, Long> byInvalidKind = new EnumMap<>(InvalidKind.class);
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failedDeliveries = new AtomicLong();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private long skipped;

  private GeneratorRun(EventSink sink, RateLimiter rateLimiter, ProgressDisplay progress) {
    this.sink = sink;
    this.rateLimiter = rateLimiter;
    this.progress = progress;
  }

  /** Sends everything {@code generator} makes; the sink is flushed, not closed. */
  public static GenerateReport run(
      EventGenerator generator, EventSink sink, RateLimiter rateLimiter, ProgressDisplay progress) {
    return new GeneratorRun(sink, rateLimiter, progress)
        .run(generator, generator.options().expectedEvents());
  }

  /** Sends every event of {@code events}; {@code expected} (0 = unknown) sizes the progress bar. */
  public static GenerateReport run(
      Iterator<GeneratedEvent> events,
      long expected,
      EventSink sink,
      RateLimiter rateLimiter,
      ProgressDisplay progress) {
    return new GeneratorRun(sink, rateLimiter, progress).run(events, expected);
  }

  private GenerateReport run(Iterator<GeneratedEvent> events, long expected) {
    long started = System.nanoTime();
    long count = 0;
    progress.start("generate", "events", 1, expected);
    try {
      while (events.hasNext() && failure.get() == null) {
        GeneratedEvent event = events.next();
        if (!sink.accepts(event.record())) {
          skipped++;
          continue;
        }
        rateLimiter.acquire();
        if (!send(event)) {
          break;
        }
        if (++count % 1024 == 0) {
          progress.stepTo(count);
        }
      }
      sink.flush();
      progress.stepTo(count);
    } finally {
      progress.close();
    }
    return new GenerateReport(
        byKind,
        byInvalidKind,
        skipped,
        acknowledged.get(),
        failedDeliveries.get(),
        failure.get(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  private boolean send(GeneratedEvent event) {
    try {
      sink.send(event.record(), event.note())
          .whenComplete(
              (ok, error) -> {
                if (error == null) {
                  acknowledged.incrementAndGet();
                } else {
                  failedDeliveries.incrementAndGet();
                  failure.compareAndSet(
                      null, "event " + event.sequence() + " was not delivered: " + error);
                }
              });
    } catch (SchemaRegistryException e) {
      failure.compareAndSet(null, e.getMessage());
      return false;
    }
    byKind.merge(event.kind(), 1L, Long::sum);
    event.invalid().ifPresent(kind -> byInvalidKind.merge(kind, 1L, Long::sum));
    return true;
  }
}

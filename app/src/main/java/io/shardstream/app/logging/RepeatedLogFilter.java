package io.shardstream.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Marker;

/**
 * Lets a line from the named loggers through once per interval and drops its repeats: Kafka's
 * {@code NetworkClient} logs the same "Connection to node ... could not be established" warning
 * several times a second for as long as a broker is down, which buries the one message that says
 * what is wrong. A line is its logger and its text (Kafka formats its messages itself), so a
 * different broker, client or problem is still logged at once.
 *
 * <pre>{@code
 * <turboFilter class="io.shardstream.app.logging.RepeatedLogFilter">
 *   <logger>org.apache.kafka.clients.NetworkClient</logger>
 *   <intervalSeconds>300</intervalSeconds>
 * </turboFilter>
 * }</pre>
 */
public final class RepeatedLogFilter extends TurboFilter {
  /** Past this many distinct lines the memory starts over, so a long run cannot grow it. */
  private static final int MAX_REMEMBERED = 10_000;

  private final Set<String> loggers = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, Long> lastLogged = new ConcurrentHashMap<>();
  private volatile long intervalNanos = Duration.ofMinutes(5).toNanos();

  /** Adds a logger whose repeats are dropped (logback calls it once per {@code <logger>}). */
  public void addLogger(String name) {
    loggers.add(name.trim());
  }

  public void setIntervalSeconds(long seconds) {
    intervalNanos = Duration.ofSeconds(seconds).toNanos();
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    // format is null when a caller only asks whether the level is enabled.
    if (format == null || !loggers.contains(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    long now = System.nanoTime();
    String line = logger.getName() + '\n' + format;
    Long previous = lastLogged.get(line);
    if (previous != null && now - previous < intervalNanos) {
      return FilterReply.DENY;
    }
    if (lastLogged.size() >= MAX_REMEMBERED) {
      lastLogged.clear();
    }
    lastLogged.put(line, now);
    return FilterReply.NEUTRAL;
  }
}

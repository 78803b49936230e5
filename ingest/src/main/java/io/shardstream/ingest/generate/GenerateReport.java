package io.shardstream.ingest.generate;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a generator run sent.
 *
 * @param byKind events sent, per kind
 * @param byInvalidKind invalid events sent, per kind
 * @param skipped events the sink cannot carry (undecodable bytes in a JSON lines file), not sent
 * @param acknowledged events the sink confirmed durable
 * @param failedDeliveries events the sink could not deliver
 * @param failure why the run stopped early, null when it did not
 */
public record GenerateReport(
    Map<EventKind, Long> byKind,
    Map<InvalidKind, Long> byInvalidKind,
    long skipped,
    long acknowledged,
    long failedDeliveries,
    String failure,
    Duration elapsed) {

  public GenerateReport {
    byKind =
        Collections.unmodifiableMap(
            new EnumMap<>(byKind.isEmpty() ? new EnumMap<>(EventKind.class) : byKind));
    byInvalidKind =
        Collections.unmodifiableMap(
            new EnumMap<>(
                byInvalidKind.isEmpty() ? new EnumMap<>(InvalidKind.class) : byInvalidKind));
  }

  public long sent() {
    return byKind.values().stream().mapToLong(Long::longValue).sum();
  }

  public boolean succeeded() {
    return failure == null && failedDeliveries == 0;
  }

  public double eventsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : acknowledged / seconds;
  }

  public String summary() {
    String kinds =
        byKind.entrySet().stream()
            .map(
                e ->
                    e.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + " "
                        + e.getValue())
            .collect(Collectors.joining(", "));
    String invalid =
        byInvalidKind.entrySet().stream()
            .map(e -> e.getKey().label() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%d events sent, %d acknowledged in %.1f s (%.0f events/s): %s",
                sent(),
                acknowledged,
                elapsed.toMillis() / 1000.0,
                eventsPerSecond(),
                kinds));
    if (!invalid.isEmpty()) {
      text.append(System.lineSeparator()).append("invalid: ").append(invalid);
    }
    if (skipped > 0) {
      text.append(System.lineSeparator())
          .append(skipped)
          .append(" undecodable events skipped: the sink cannot carry raw bytes");
    }
    if (failure != null) {
      text.append(System.lineSeparator()).append("stopped: ").append(failure);
    }
    return text.toString();
  }
}

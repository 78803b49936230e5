package io.shardstream.bench.keys;

import io.shardstream.bench.jmh.RateStatistics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code bench keys} measured, as text for the terminal. The last line is the machine-read
 * summary: {@code keys: shardstream N items/s, entity-manager M items/s, ratio R}.
 *
 * @param workload what was keyed: item count, seed, config, work per item
 */
public record KeysReport(
    KeysWorkloadSummary workload,
    SideResult shardstream,
    SideResult entityManager,
    Duration totalTime) {

  /** The summary line for two rates: both rounded to whole items/s, ratio of the rounded. */
  public static String resultLine(double shardstreamRate, double entityManagerRate) {
    long shardstream = Math.round(shardstreamRate);
    long entityManager = Math.round(entityManagerRate);
    return "keys: shardstream "
        + shardstream
        + " items/s, entity-manager "
        + entityManager
        + " items/s, ratio "
        + ratio(shardstream, entityManager);
  }

  /** N/M to two decimals, half up, always with a '.' whatever the default locale. */
  static String ratio(long shardstream, long entityManager) {
    if (entityManager <= 0) {
      throw new IllegalArgumentException(
          "entity-manager rate must be positive, got " + entityManager);
    }
    return BigDecimal.valueOf(shardstream)
        .divide(BigDecimal.valueOf(entityManager), 2, RoundingMode.HALF_UP)
        .toPlainString();
  }

  public String resultLine() {
    return resultLine(shardstream.rates().mean(), entityManager.rates().mean());
  }

  public String ratio() {
    return ratio(Math.round(shardstream.rates().mean()), Math.round(entityManager.rates().mean()));
  }

  public List<SideResult> sides() {
    return List.of(shardstream, entityManager);
  }

  /** The terminal report; ends with {@link #resultLine()}. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append("bench keys: ").append(workload.describe()).append('\n');
    out.append("work per item, both sides: ")
        .append(KeysWorkloadSummary.WORK_PER_ITEM)
        .append('\n');
    out.append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "%-15s %14s %12s %10s   %s%n",
            "side",
            "mean items/s",
            "±99.9% CI",
            "stddev",
            "per iteration (items/s)"));
    for (SideResult side : sides()) {
      RateStatistics rates = side.rates();
      out.append(
          String.format(
              Locale.ROOT,
              "%-15s %14s %12s %10s   %s%n",
              side.name(),
              whole(rates.mean()),
              "±" + whole(rates.error99_9()),
              whole(rates.standardDeviation()),
              rates.rates().stream().map(KeysReport::whole).collect(Collectors.joining(" "))));
    }
    out.append('\n');
    for (SideResult side : sides()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-15s %s; %s; %s%n",
              side.name() + ":",
              side.method(),
              side.runtime(),
              seconds(side.wallTime())));
    }
    out.append("note: ").append(KeysWorkloadSummary.SHARD_NOTE).append('\n');
    out.append("total run time ").append(seconds(totalTime)).append('\n');
    out.append(resultLine()).append('\n');
    return out.toString();
  }

  /** A rate with thousands separators; {@code n/a} when undefined (one iteration). */
  static String whole(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,d", Math.round(value));
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}

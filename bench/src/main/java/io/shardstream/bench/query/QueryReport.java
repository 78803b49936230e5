package io.shardstream.bench.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What {@code bench query} measured, as text for the terminal. The last line is the machine-read
 * summary: {@code query: fan-out p50 A ms p99 B ms, single p50 C ms p99 D ms, p50 ratio R,
 * reads/item E, rounds F}.
 */
public record QueryReport(
    QuerySetup setup, SideStats fanOut, SideStats single, Duration totalTime) {

  /**
   * The summary line: latencies to one decimal; the ratio is A / C of the printed values, to two
   * decimals; E is fan-out items read per item returned, F the fan-out's mean sequential rounds of
   * DynamoDB requests per page, both to two decimals. Half up, and a '.' whatever the default
   * locale.
   */
  public static String resultLine(
      double fanOutP50,
      double fanOutP99,
      double singleP50,
      double singleP99,
      double readsPerItem,
      double rounds) {
    BigDecimal a = oneDecimal(fanOutP50);
    BigDecimal c = oneDecimal(singleP50);
    return "query: fan-out p50 "
        + a.toPlainString()
        + " ms p99 "
        + oneDecimal(fanOutP99).toPlainString()
        + " ms, single p50 "
        + c.toPlainString()
        + " ms p99 "
        + oneDecimal(singleP99).toPlainString()
        + " ms, p50 ratio "
        + ratio(a, c)
        + ", reads/item "
        + twoDecimals(readsPerItem)
        + ", rounds "
        + twoDecimals(rounds);
  }

  static String ratio(BigDecimal fanOut, BigDecimal single) {
    if (single.signum() <= 0) {
      throw new IllegalArgumentException("single p50 must be positive, got " + single);
    }
    return fanOut.divide(single, 2, RoundingMode.HALF_UP).toPlainString();
  }

  private static BigDecimal oneDecimal(double millis) {
    if (!Double.isFinite(millis) || millis < 0) {
      throw new IllegalArgumentException("not a latency: " + millis);
    }
    return BigDecimal.valueOf(millis).setScale(1, RoundingMode.HALF_UP);
  }

  public String resultLine() {
    return resultLine(
        fanOut.p50Ms(),
        fanOut.p99Ms(),
        single.p50Ms(),
        single.p99Ms(),
        fanOut.readsPerItem(),
        fanOut.roundTripsPerPage());
  }

  /** A / C as printed in the result line. */
  public String p50Ratio() {
    return ratio(oneDecimal(fanOut.p50Ms()), oneDecimal(single.p50Ms()));
  }

  public List<SideStats> sides() {
    return List.of(fanOut, single);
  }

  /** The terminal report; ends with {@link #resultLine()}. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "bench query: %,d users (seed %d), a %d-item page of a %d-shard × %d-index search "
                + "next to a single-partition one%n",
            setup.users(),
            setup.seed(),
            setup.limit(),
            setup.shards(),
            setup.fanOutIndexes()));
    line(out, "data", setup.data());
    line(out, "table", setup.table());
    line(out, "fill", describe(setup.fill()));
    line(
        out,
        "fan-out",
        setup.fanOutSearch()
            + String.format(
                Locale.ROOT,
                "; %d shards × %d indexes = %d partitions",
                setup.shards(),
                setup.fanOutIndexes(),
                setup.fanOutPartitions()));
    line(out, "single", setup.singleSearch() + "; 1 partition");
    line(
        out,
        "method",
        String.format(
            Locale.ROOT,
            "core Searcher (QueryPlanner, CursorCodec, KWayMerger) over dynamo's"
                + " DynamoPartitionReader on both sides; limit %d; %,d warm-up pages per side, then"
                + " %,d measured pages per side, interleaved (fan-out, single, single, fan-out,"
                + " ...); a session pages on with cursors for up to %d pages, then the next session"
                + " starts from a first page; latency is the wall time of Searcher.search;"
                + " percentiles nearest-rank over all samples",
            setup.limit(),
            setup.warmupPages(),
            setup.pages(),
            setup.depth()));
    line(out, "client", setup.client());
    for (String check : setup.checks()) {
      line(out, "check", check);
    }
    line(out, "machine", setup.machine());
    out.append('\n');
    String format = "%-8s %6s %6s %8s %8s %8s %8s %8s %9s %11s %10s %10s %10s %10s %9s%n";
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "side",
            "pages",
            "first",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms",
            "mean ms",
            "req/page",
            "parts/page",
            "read/page",
            "items/page",
            "reads/item",
            "trips/page",
            "RCU/page"));
    for (SideStats side : sides()) {
      out.append(
          String.format(
              Locale.ROOT,
              format,
              side.name(),
              side.pages(),
              side.firstPages(),
              oneDecimal(side.p50Ms()),
              oneDecimal(side.p90Ms()),
              oneDecimal(side.p99Ms()),
              oneDecimal(side.maxMs()),
              oneDecimal(side.meanMs()),
              twoDecimals(side.requestsPerPage()),
              twoDecimals(side.partitionsPerPage()),
              twoDecimals(side.itemsReadPerPage()),
              twoDecimals(side.itemsPerPage()),
              twoDecimals(side.readsPerItem()),
              twoDecimals(side.roundTripsPerPage()),
              twoDecimals(side.readUnitsPerPage())));
    }
    out.append(
        "req: Query calls; parts: partitions read; read: items DynamoDB evaluated; trips: waves of"
            + " reads one after another (a wave's reads run in parallel); RCU: read capacity units"
            + " DynamoDB reported consumed (ReturnConsumedCapacity TOTAL)\n");
    out.append(
        String.format(
            Locale.ROOT,
            "critical path: fan-out %s round trips per page; single %s (where DynamoDB answers"
                + " every request in about the same time, page latency follows these, not the"
                + " request count)%n",
            twoDecimals(fanOut.roundTripsPerPage()),
            twoDecimals(single.roundTripsPerPage())));
    out.append('\n');
    out.append("total run time ").append(seconds(totalTime)).append('\n');
    out.append(resultLine()).append('\n');
    return out.toString();
  }

  static String describe(FillResult fill) {
    return String.format(
        Locale.ROOT,
        "%,d items in %s = %,.0f items/s (dynamo BatchWriter, %d batches in flight, "
            + "%,d BatchWriteItem requests, %,d retries)",
        fill.items(),
        seconds(fill.elapsed()),
        fill.itemsPerSecond(),
        fill.concurrentBatches(),
        fill.requests(),
        fill.retries());
  }

  private static void line(StringBuilder out, String label, String text) {
    out.append(String.format(Locale.ROOT, "%-8s %s%n", label + ":", text));
  }

  static String twoDecimals(double value) {
    return Double.isNaN(value)
        ? "n/a"
        : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}

package io.shardstream.bench.query;

import io.shardstream.bench.report.Percentiles;
import java.util.List;

/**
 * One side's measured pages, summarized. Latency percentiles are nearest-rank over the exact
 * samples (sorted array), in milliseconds.
 *
 * @param firstPages pages asked for without a cursor; the others followed the previous page's
 * @param requestsPerPage DynamoDB Query calls per page, mean
 * @param itemsReadPerPage items DynamoDB evaluated (ScannedCount) per page, mean
 * @param itemsPerPage items returned per page, mean
 * @param readsPerItem items read per item returned, over all pages
 * @param partitionsPerPage partitions read at least once per page, mean
 * @param roundTripsPerPage waves of reads one after another per page (reads of a wave run in
 *     parallel), mean: the page's critical path where DynamoDB answers every request alike
 * @param readUnitsPerPage read capacity units DynamoDB reported consumed per page, mean
 */
public record SideStats(
    String name,
    int pages,
    int firstPages,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double maxMs,
    double meanMs,
    double requestsPerPage,
    double itemsReadPerPage,
    double itemsPerPage,
    double readsPerItem,
    double partitionsPerPage,
    double roundTripsPerPage,
    double readUnitsPerPage) {

  public static SideStats of(String name, List<PageSample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no pages measured for " + name);
    }
    long[] nanos = samples.stream().mapToLong(PageSample::nanos).sorted().toArray();
    long requests = 0;
    long read = 0;
    long items = 0;
    long partitions = 0;
    int first = 0;
    long roundTrips = 0;
    double readUnits = 0;
    for (PageSample sample : samples) {
      requests += sample.stats().readRequests();
      read += sample.stats().itemsRead();
      partitions += sample.stats().partitionsQueried();
      items += sample.items();
      first += sample.firstPage() ? 1 : 0;
      roundTrips += sample.stats().roundTrips();
      readUnits += sample.stats().readUnits();
    }
    int pages = samples.size();
    return new SideStats(
        name,
        pages,
        first,
        millis(Percentiles.nearestRank(nanos, 50)),
        millis(Percentiles.nearestRank(nanos, 90)),
        millis(Percentiles.nearestRank(nanos, 99)),
        millis(nanos[nanos.length - 1]),
        millis(Percentiles.mean(nanos)),
        (double) requests / pages,
        (double) read / pages,
        (double) items / pages,
        items == 0 ? Double.NaN : (double) read / items,
        (double) partitions / pages,
        (double) roundTrips / pages,
        readUnits / pages);
  }

  private static double millis(double nanos) {
    return nanos / 1e6;
  }
}

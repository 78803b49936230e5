package io.shardstream.bench.apiload;

import io.shardstream.bench.BenchException;
import io.shardstream.bench.faults.ApiClient;
import io.shardstream.bench.faults.QueryApiChild;
import io.shardstream.bench.report.Machine;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.queryapi.QueryApiSettings;
import io.shardstream.schemas.avro.User;
import io.shardstream.service.Setting;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One load on an {@link ApiLoadStack}: a query API started as a child JVM (so that its heap is its
 * own to measure) with the given limits, the writer writing, {@code clients} {@link LoadClient}s on
 * virtual threads for the duration; then the heap after a full GC, and the API stopped.
 */
final class ApiLoadBenchmark {
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  /**
   * @param clients client threads
   * @param duration how long they run
   * @param maxRequests the API's {@code query.requests.max}
   * @param queueWait the API's {@code query.requests.wait}
   * @param minServed the clients go on past the duration until this many requests were served (a
   *     slow machine makes a run longer, not emptier); 0 for a run of the duration alone
   */
  record Load(int clients, Duration duration, int maxRequests, Duration queueWait, long minServed) {

    /** A run of the duration alone. */
    Load(int clients, Duration duration, int maxRequests, Duration queueWait) {
      this(clients, duration, maxRequests, queueWait, 0);
    }
  }

  private static final int WARM_UP_REQUESTS = 50;

  /** Past the duration, how long the clients may go without a request served. */
  private static final Duration STALL = Duration.ofMinutes(2);

  private final ApiLoadStack stack;
  private final Consumer<String> progress;
  private int runs;

  ApiLoadBenchmark(ApiLoadStack stack, Consumer<String> progress) {
    this.stack = stack;
    this.progress = progress;
  }

  /**
   * One client's requests on the fresh API until {@value #WARM_UP_REQUESTS} were served, so that
   * the figures are not those of class loading and a cold JIT; not counted.
   */
  private void warmUp(QueryApiChild api, List<User> users, Map<String, User> byId, long seed)
      throws InterruptedException {
    long start = System.nanoTime();
    LoadStats stats = new LoadStats(start);
    AtomicBoolean stop = new AtomicBoolean();
    try (HttpClient http = HttpClient.newHttpClient()) {
      Thread client =
          Thread.ofVirtual()
              .name("api-load-warm-up")
              .start(new LoadClient(http, api.baseUrl(), users, byId, stats, stop::get, -seed));
      try {
        ProgressWait.until(
                "the warm-up's " + WARM_UP_REQUESTS + " requests served",
                () -> stats.served() >= WARM_UP_REQUESTS)
            .progress(
                "requests served, problems", () -> List.of(stats.served(), stats.firstProblems()))
            .stallTimeout(STALL)
            .await();
      } finally {
        stop.set(true);
        client.join();
      }
    }
    progress.accept(
        String.format(
            Locale.ROOT,
            "warmed up: %d requests in %.1f s",
            stats.served(),
            (System.nanoTime() - start) / 1e9));
  }

  ApiLoadReport run(Load load, long seed) throws Exception {
    int run = ++runs;
    Map<String, String> limits =
        Map.of(
            QueryApiSettings.REQUESTS_MAX_KEY,
            Integer.toString(load.maxRequests()),
            QueryApiSettings.REQUESTS_WAIT_KEY,
            Setting.format(load.queueWait()));
    List<User> users = new ArrayList<>(stack.written().values());
    users.sort(Comparator.comparing(User::getUserId));
    Map<String, User> byId = stack.written();
    try (QueryApiChild api =
        QueryApiChild.over(
            stack.parts().dynamoDb(),
            stack.table(),
            stack.work().resolve("query-api-" + run),
            limits)) {
      progress.accept("starting the query API (" + limits + ")");
      api.start(new ApiClient());
      warmUp(api, users, byId, seed);
      HeapWatch heap = new HeapWatch(api.baseUrl());
      double loadAtStart = Machine.loadAverage();
      int seconds = (int) Math.max(1, load.duration().toSeconds());
      stack.startWriting(seed);
      long start = System.nanoTime();
      LoadStats stats = new LoadStats(start);
      long end = start + load.duration().toNanos();
      AtomicBoolean stop = new AtomicBoolean();
      try (HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build()) {
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < load.clients(); i++) {
          LoadClient client =
              new LoadClient(http, api.baseUrl(), users, byId, stats, stop::get, seed * 1000 + i);
          clients.add(Thread.ofVirtual().name("api-load-client-" + i).start(client));
        }
        progress.accept(load.clients() + " clients for " + seconds + " s");
        long lastServed = -1;
        long lastProgress = System.nanoTime();
        long lastReport = start;
        while (true) {
          long now = System.nanoTime();
          if (now >= end && stats.served() >= load.minServed()) {
            break;
          }
          if (stats.served() != lastServed) {
            lastServed = stats.served();
            lastProgress = now;
          } else if (now >= end && now - lastProgress > STALL.toNanos()) {
            stop.set(true);
            throw new BenchException(
                "nothing served for "
                    + STALL.toSeconds()
                    + " s after the run's time, "
                    + stats.served()
                    + " of "
                    + load.minServed()
                    + " requests served (see "
                    + api.log()
                    + ")");
          }
          TimeUnit.NANOSECONDS.sleep(
              now < end
                  ? Math.min(PROGRESS_EVERY.toNanos(), end - now)
                  : Duration.ofMillis(200).toNanos());
          if (System.nanoTime() >= end && stats.served() >= load.minServed()) {
            break;
          }
          if (System.nanoTime() - lastReport < PROGRESS_EVERY.toNanos() - 1_000_000) {
            continue;
          }
          lastReport = System.nanoTime();
          progress.accept(
              String.format(
                  Locale.ROOT,
                  "%.0f s: %d served, %d 429, %d 5xx, %d other errors, writer lag %d",
                  (System.nanoTime() - start) / 1e9,
                  stats.served(),
                  stats.rejectedCount(),
                  stats.serverErrors(),
                  stats.otherStatus() + stats.transportErrors() + stats.wrongAnswers(),
                  stack.lag()));
        }
        stop.set(true);
        for (Thread client : clients) {
          client.join();
        }
      } finally {
        stop.set(true);
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long written = stack.stopWriting();
      HeapWatch.Heap measured = heap.finish(api.pid());
      api.stop();
      return new ApiLoadReport(
          load.clients(),
          load.maxRequests(),
          elapsed,
          stats.served(),
          stats.rejectedCount(),
          stats.serverErrors(),
          stats.otherStatus(),
          stats.transportErrors(),
          stats.wrongAnswers(),
          stats.servedByOperation(),
          stats.firstProblems(),
          stats.sortedLatencies(),
          stats.servedPerSecond(elapsed),
          measured,
          written,
          new double[] {loadAtStart, Machine.loadAverage()});
    }
  }
}

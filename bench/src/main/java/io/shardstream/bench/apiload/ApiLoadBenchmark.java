package io.shardstream.bench.apiload;

import io.shardstream.bench.faults.ApiClient;
import io.shardstream.bench.faults.QueryApiChild;
import io.shardstream.bench.report.Machine;
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
   */
  record Load(int clients, Duration duration, int maxRequests, Duration queueWait) {}

  private final ApiLoadStack stack;
  private final Consumer<String> progress;
  private int runs;

  ApiLoadBenchmark(ApiLoadStack stack, Consumer<String> progress) {
    this.stack = stack;
    this.progress = progress;
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
      HeapWatch heap = new HeapWatch(api.baseUrl());
      double loadAtStart = Machine.loadAverage();
      int seconds = (int) Math.max(1, load.duration().toSeconds());
      stack.startWriting(seed);
      long start = System.nanoTime();
      LoadStats stats = new LoadStats(start, seconds);
      long end = start + load.duration().toNanos();
      try (HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build()) {
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < load.clients(); i++) {
          LoadClient client =
              new LoadClient(
                  http,
                  api.baseUrl(),
                  users,
                  byId,
                  stats,
                  () -> System.nanoTime() >= end,
                  seed * 1000 + i);
          clients.add(Thread.ofVirtual().name("api-load-client-" + i).start(client));
        }
        progress.accept(load.clients() + " clients for " + seconds + " s");
        while (System.nanoTime() < end) {
          TimeUnit.NANOSECONDS.sleep(
              Math.min(PROGRESS_EVERY.toNanos(), Math.max(0, end - System.nanoTime())));
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
        for (Thread client : clients) {
          client.join();
        }
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
          stats.servedPerSecond(),
          measured,
          written,
          new double[] {loadAtStart, Machine.loadAverage()});
    }
  }
}

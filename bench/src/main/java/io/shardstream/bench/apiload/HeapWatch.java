package io.shardstream.bench.apiload;

import io.shardstream.bench.writer.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The query API's heap, read from its own {@code /metrics} (which stays reachable under overload):
 * polled through the run for the most used, and read once more after a full GC ({@code jcmd
 * GC.run}) for what the run left live.
 */
final class HeapWatch implements AutoCloseable {
  private static final String USED = "jvm_memory_used_bytes";
  private static final String MAX = "jvm_memory_max_bytes";

  /**
   * @param maxUsedBytes the most heap in use at one poll during the run
   * @param afterGcBytes heap in use after a full GC at the end
   * @param maxBytes the heap's limit (-Xmx)
   * @param polls polls that got an answer
   */
  record Heap(long maxUsedBytes, long afterGcBytes, long maxBytes, int polls) {
    String describe() {
      return String.format(
          Locale.ROOT,
          "max used %d MiB, %d MiB after a full GC at the end, limit %d MiB (%d polls of"
              + " /metrics)",
          maxUsedBytes >> 20,
          afterGcBytes >> 20,
          maxBytes >> 20,
          polls);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI metrics;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile long maxUsed;
  private volatile long max;
  private volatile int polls;

  HeapWatch(URI base) {
    this.metrics = base.resolve("/metrics");
    this.thread = Thread.ofPlatform().daemon().name("heap-watch").start(this::poll);
  }

  private void poll() {
    while (!stopped) {
      read();
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Heap in use now, or -1 without an answer. */
  private long read() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return -1;
      }
      PrometheusText text = PrometheusText.parse(response.body());
      long used = (long) text.sum(USED, HeapWatch::heap);
      long limit = (long) text.sum(MAX, HeapWatch::heap);
      synchronized (this) {
        maxUsed = Math.max(maxUsed, used);
        max = Math.max(max, limit);
        polls++;
      }
      return used;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static boolean heap(Map<String, String> labels) {
    return "heap".equals(labels.get("area"));
  }

  /** Stops polling, forces a full GC in process {@code pid} and reads the heap left. */
  Heap finish(long pid) throws InterruptedException {
    close();
    long afterGc = -1;
    if (fullGc(pid)) {
      afterGc = read();
    }
    return new Heap(maxUsed, afterGc, max, polls);
  }

  private static boolean fullGc(long pid) throws InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.interrupt();
    thread.join();
  }
}

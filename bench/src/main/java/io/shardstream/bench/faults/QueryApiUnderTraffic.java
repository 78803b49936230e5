package io.shardstream.bench.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The query API as a child process with clients walking every page of {@code GET /v1/users} over
 * and over, each retrying what a restart interrupts, until {@link #stopTraffic()}.
 */
final class QueryApiUnderTraffic implements AutoCloseable {
  private static final int CLIENTS = 2;
  private static final int PAGE_SIZE = 25;

  private final QueryApiChild child;
  private final ApiClient client = new ApiClient();
  private final List<Thread> clients = new ArrayList<>();
  private volatile boolean stopped;
  private final AtomicLong walks = new AtomicLong();

  QueryApiUnderTraffic(QueryApiChild child) {
    this.child = child;
  }

  /** Starts the API and the clients. */
  void start() {
    child.start(client);
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(
          Thread.ofPlatform()
              .daemon()
              .name("api-client-" + i)
              .start(
                  () -> {
                    while (!stopped) {
                      try {
                        client.walkUsers(child.baseUrl(), PAGE_SIZE, page -> {});
                        walks.incrementAndGet();
                      } catch (InterruptedException e) {
                        return;
                      } catch (RuntimeException e) {
                        // A wrong answer: counted by the client; walk again.
                      }
                    }
                  }));
    }
  }

  /** SIGKILL, then a new incarnation started on another thread (joined by the caller). */
  Thread killAndRestartInBackground() {
    child.kill();
    return Thread.ofPlatform().name("query-api-restart").start(() -> child.start(client));
  }

  QueryApiChild child() {
    return child;
  }

  ApiClient client() {
    return client;
  }

  /** Stops the clients; the walks they completed. */
  long stopTraffic() throws InterruptedException {
    stopped = true;
    for (Thread thread : clients) {
      thread.interrupt();
      thread.join();
    }
    return walks.get();
  }

  @Override
  public void close() throws InterruptedException {
    stopTraffic();
    child.close();
  }
}

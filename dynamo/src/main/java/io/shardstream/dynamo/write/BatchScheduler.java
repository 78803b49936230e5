package io.shardstream.dynamo.write;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Runs batches on virtual threads, at most {@code maxInFlight} at once, each only after the batches
 * it depends on are settled. The calling thread coordinates and blocks until every started batch is
 * settled; once the abort signal is set, no further batch starts.
 *
 * <p>Ready batches start in list order, so the oldest writes go first and a long list drains front
 * to back.
 */
final class BatchScheduler {
  private record Done(int batch, BatchOutcome outcome) {}

  private final int maxInFlight;

  BatchScheduler(int maxInFlight) {
    this.maxInFlight = maxInFlight;
  }

  /** Outcomes by batch number; a batch that never started has a "not started" outcome. */
  BatchOutcome[] run(
      List<PlannedBatch> batches, Function<PlannedBatch, BatchOutcome> task, AbortSignal abort) {
    int count = batches.size();
    BatchOutcome[] outcomes = new BatchOutcome[count];
    int[] waitingFor = new int[count];
    List<List<Integer>> dependents = new ArrayList<>(count);
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (PlannedBatch batch : batches) {
      dependents.add(new ArrayList<>());
    }
    for (PlannedBatch batch : batches) {
      waitingFor[batch.number()] = batch.dependsOn().size();
      batch.dependsOn().forEach(d -> dependents.get(d).add(batch.number()));
      if (batch.dependsOn().isEmpty()) {
        ready.add(batch.number());
      }
    }
    BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    boolean interrupted = false;
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      int inFlight = 0;
      while (true) {
        while (inFlight < maxInFlight && !ready.isEmpty() && !abort.isAborted()) {
          PlannedBatch batch = batches.get(ready.poll());
          executor.execute(
              () -> done.add(new Done(batch.number(), runGuarded(task, batch, abort))));
          inFlight++;
        }
        if (inFlight == 0) {
          break;
        }
        Done finished;
        try {
          finished = done.take();
        } catch (InterruptedException e) {
          // Stop starting batches and wake the running ones; still wait for them, so no write
          // is in flight when the caller hears about it.
          interrupted = true;
          abort.abort("interrupted", e);
          executor.shutdownNow();
          continue;
        }
        inFlight--;
        outcomes[finished.batch()] = finished.outcome();
        for (int dependent : dependents.get(finished.batch())) {
          if (--waitingFor[dependent] == 0) {
            ready.add(dependent);
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    for (int i = 0; i < count; i++) {
      if (outcomes[i] == null) {
        outcomes[i] = BatchOutcome.notStarted(batches.get(i));
      }
    }
    return outcomes;
  }

  /** A bug or a throwing listener must not leave the coordinator waiting forever. */
  private static BatchOutcome runGuarded(
      Function<PlannedBatch, BatchOutcome> task, PlannedBatch batch, AbortSignal abort) {
    try {
      return task.apply(batch);
    } catch (RuntimeException | Error e) {
      abort.abort("batch " + batch.number() + " failed unexpectedly: " + e, e);
      return BatchOutcome.notStarted(batch);
    }
  }
}

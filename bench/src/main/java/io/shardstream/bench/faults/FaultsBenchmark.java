package io.shardstream.bench.faults;

import io.shardstream.devstack.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs fault scenarios one after the other on one {@link FaultStack} (each with topics, table and
 * consumer group of its own), reporting a line per scenario as it ends.
 */
final class FaultsBenchmark {
  private final FaultRun.Options options;
  private final Consumer<String> progress;

  FaultsBenchmark(FaultRun.Options options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /**
   * @param onResult called with each scenario's result as soon as it has one
   */
  List<FaultResult> run(List<Fault> faults, Consumer<FaultResult> onResult) throws Exception {
    try {
      FileTrees.delete(options.workDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + options.workDirectory(), e);
    }
    List<FaultResult> results = new ArrayList<>();
    progress.accept("starting the Kafka broker, the registry and DynamoDB Local's process");
    try (FaultStack stack = FaultStack.start(options.workDirectory().resolve("stack"))) {
      FaultRun run = new FaultRun(stack, options, progress);
      for (Fault fault : faults) {
        FaultResult result = run.run(fault);
        results.add(result);
        onResult.accept(result);
      }
    }
    return results;
  }
}

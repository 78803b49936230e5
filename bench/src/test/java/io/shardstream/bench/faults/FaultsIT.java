package io.shardstream.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of {@code bench faults}, short (a small workload, 10 s outages), on the real parts
 * (one broker, DynamoDB Local's own process, the Apicurio registry, writers and the query API as
 * child JVMs): each must end with the table equal to the reference model's projection, every
 * expected dead letter once, nothing else, and the counters adding up. Waits fail only when nothing
 * moves. Progress and the scenario lines go to this test's output file; the child processes' logs
 * to {@code target/faults-it/<scenario>/}.
 */
class FaultsIT {

  /** About 7 records a user: a few hundred records, every kind of record included. */
  private static final int USERS = 60;

  private static final int RATE = 80;
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  @Test
  void everyFaultEndsWithTheProjectionTheDeadLettersOnceAndTheCountersAddingUp() throws Exception {
    List<FaultResult> results = run(Fault.values());

    assertThat(results)
        .extracting(FaultResult::name)
        .containsExactly(Arrays.stream(Fault.values()).map(Fault::id).toArray(String[]::new));
    for (FaultResult result : results) {
      assertThat(result.lost()).as(result.name() + ": lost").isZero();
      assertThat(result.duplicated()).as(result.name() + ": duplicated").isZero();
      assertThat(result.stale()).as(result.name() + ": stale").isZero();
      assertThat(result.countersAddUp()).as(result.name() + ": " + result.counters()).isTrue();
      assertThat(result.recoveredSeconds()).as(result.name() + ": recovery measured").isNotNaN();
      assertThat(result.events()).as(result.name() + ": events").isGreaterThan(300);
    }
    FaultResult dynamoDb = results.get(Fault.DYNAMODB_OUTAGE.ordinal());
    assertThat(dynamoDb.notReadySeen())
        .as("the writer reports not ready while DynamoDB is away: " + dynamoDb.notes())
        .isTrue();
    FaultResult registry = results.get(Fault.REGISTRY_OUTAGE.ordinal());
    assertThat(registry.notes())
        .as("the restarted writer met the registry outage (its handler replaced threads)")
        .anySatisfy(
            note ->
                assertThat(note).containsPattern("replaced its stream thread [1-9][0-9]* times"));
    assertThat(FaultResult.summary(results))
        .isEqualTo(
            "faults: " + Fault.values().length + " scenarios, lost 0, duplicated 0, stale 0");
  }

  private static List<FaultResult> run(Fault... faults) throws Exception {
    FaultRun.Options options =
        new FaultRun.Options(
            USERS, 20_250_917L, RATE, OUTAGE, Path.of("target", "faults-it").toAbsolutePath());
    List<FaultResult> results = new ArrayList<>();
    new FaultsBenchmark(options, line -> System.out.println("faults: " + line))
        .run(
            List.of(faults),
            result -> {
              System.out.println(result.line() + " (" + result.counters() + ")");
              results.add(result);
            });
    System.out.println(FaultResult.summary(results));
    return results;
  }
}

package io.shardstream.bench.faults;

import java.util.List;
import java.util.Locale;

/**
 * What one scenario ended with, measured against the reference model's projection of the same
 * records (definitions in the README, "Fault scenarios").
 *
 * @param recoveredSeconds from the end of the fault (the part back) until the writers had committed
 *     every source record produced up to that moment
 * @param events source records produced
 * @param lost an expected table item missing, or an expected dead letter missing
 * @param duplicated a table item the projection does not have, a dead letter for a record that must
 *     not have one, or a dead letter delivered more than once
 * @param stale a table item whose attributes are not the projection's (an older state), or a dead
 *     letter with another reason than expected
 * @param counters how the writers' event counters compare with the events, in words
 * @param countersAddUp whether they do (true when the scenario cannot tell, see {@code counters})
 * @param notReadySeen whether a writer answered {@code /health/ready} with other than 200 during
 *     the fault
 * @param notes what the scenario observed on the way (readiness during an outage, restarts)
 */
record FaultResult(
    String name,
    double recoveredSeconds,
    long events,
    long lost,
    long duplicated,
    long stale,
    String counters,
    boolean countersAddUp,
    boolean notReadySeen,
    List<String> notes) {

  FaultResult {
    notes = List.copyOf(notes);
  }

  boolean clean() {
    return lost == 0 && duplicated == 0 && stale == 0 && countersAddUp;
  }

  /** {@code fault: NAME recovered in S s, events E, lost L, duplicated D, stale S}. */
  String line() {
    return String.format(
        Locale.ROOT,
        "fault: %s recovered in %.1f s, events %d, lost %d, duplicated %d, stale %d",
        name,
        recoveredSeconds,
        events,
        lost,
        duplicated,
        stale);
  }

  /** {@code faults: N scenarios, lost L, duplicated D, stale S}. */
  static String summary(List<FaultResult> results) {
    return String.format(
        Locale.ROOT,
        "faults: %d scenarios, lost %d, duplicated %d, stale %d",
        results.size(),
        results.stream().mapToLong(FaultResult::lost).sum(),
        results.stream().mapToLong(FaultResult::duplicated).sum(),
        results.stream().mapToLong(FaultResult::stale).sum());
  }
}

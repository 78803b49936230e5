package io.shardstream.writer.testing;

import io.shardstream.writer.metrics.EventOutcome;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A generated workload in phases, each step with the outcome the reference model expects. Within a
 * phase the outcome of every step depends only on the order of its own key's records, so the writer
 * may interleave the two topics as it likes; between phases the test waits until the writer has
 * settled everything (cascades included).
 *
 * @param model the reference model after the last phase
 * @param cascadesAfterPhase emails the model deleted by cascade up to the end of each phase
 */
public record Scenario(
    List<List<Step>> phases, ReferenceModel model, List<Long> cascadesAfterPhase) {

  /** One record and what must become of it. */
  public record Step(Planned planned, ReferenceModel.Expected expected) {}

  public List<Step> steps() {
    return phases.stream().flatMap(List::stream).toList();
  }

  public Map<EventOutcome, Long> outcomes() {
    return ReferenceModel.outcomes(steps());
  }

  /** Dead letters expected, by reason. */
  public Map<String, Long> deadLetterReasons() {
    Map<String, Long> reasons = new TreeMap<>();
    steps().stream()
        .filter(step -> step.expected().reason() != null)
        .forEach(step -> reasons.merge(step.expected().reason(), 1L, Long::sum));
    return reasons;
  }
}

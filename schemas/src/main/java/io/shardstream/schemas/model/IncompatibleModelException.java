package io.shardstream.schemas.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The entity configuration derives event schemas that old events could not be read with (the
 * BACKWARD rule): refused before anything runs.
 */
public class IncompatibleModelException extends RuntimeException {
  private final List<SchemaProblem> problems;

  public IncompatibleModelException(List<SchemaProblem> problems) {
    super(
        "the entity configuration breaks the BACKWARD compatibility of its event schemas ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "); make new attributes optional, keep types, or publish to a new topic:\n  "
            + problems.stream().map(SchemaProblem::toString).collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  public List<SchemaProblem> problems() {
    return problems;
  }
}

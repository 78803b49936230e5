package io.shardstream.dynamo.table;

import java.util.List;

/** The entity configuration asks for a table DynamoDB cannot have; lists every reason. */
public final class InvalidTableDefinitionException extends IllegalArgumentException {
  private final List<String> problems;

  public InvalidTableDefinitionException(String tableName, List<String> problems) {
    super(
        "cannot define table '"
            + tableName
            + "' from the entity configuration ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "):\n  - "
            + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}

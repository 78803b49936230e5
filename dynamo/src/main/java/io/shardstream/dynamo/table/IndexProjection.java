package io.shardstream.dynamo.table;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * What an index copies from each item besides the keys.
 *
 * @param nonKeyAttributes for INCLUDE, the attributes copied, sorted (DynamoDB does not keep their
 *     order, so two projections naming the same attributes are the same projection)
 */
public record IndexProjection(ProjectionType type, List<String> nonKeyAttributes) {
  public static final IndexProjection ALL = new IndexProjection(ProjectionType.ALL, List.of());
  public static final IndexProjection KEYS_ONLY =
      new IndexProjection(ProjectionType.KEYS_ONLY, List.of());

  public IndexProjection {
    Objects.requireNonNull(type, "type");
    nonKeyAttributes = List.copyOf(new TreeSet<>(nonKeyAttributes));
  }

  /** INCLUDE the attributes named; none named means KEYS_ONLY, as DynamoDB has it. */
  public static IndexProjection include(List<String> attributes) {
    return attributes.isEmpty()
        ? KEYS_ONLY
        : new IndexProjection(ProjectionType.INCLUDE, attributes);
  }

  /** {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE [a, b]}. */
  @Override
  public String toString() {
    return type == ProjectionType.INCLUDE ? type + " " + nonKeyAttributes : type.toString();
  }
}

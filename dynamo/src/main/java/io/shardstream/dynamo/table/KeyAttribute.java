package io.shardstream.dynamo.table;

import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A key attribute of the table or of an index: its name and DynamoDB scalar type. */
public record KeyAttribute(String name, ScalarAttributeType type) {
  public KeyAttribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static KeyAttribute string(String name) {
    return new KeyAttribute(name, ScalarAttributeType.S);
  }

  public static KeyAttribute number(String name) {
    return new KeyAttribute(name, ScalarAttributeType.N);
  }

  /** {@code created (N)}. */
  @Override
  public String toString() {
    return name + " (" + type + ")";
  }
}

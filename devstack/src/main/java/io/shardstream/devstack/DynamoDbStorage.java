package io.shardstream.devstack;

/** Where DynamoDB Local keeps its tables. */
public enum DynamoDbStorage {
  /** Tables live in memory and vanish when the stack stops. */
  IN_MEMORY,
  /** Tables live in a SQLite file under {@code <data folder>/dynamodb} and survive restarts. */
  PERSISTENT
}

package io.shardstream.service;

import io.shardstream.dynamo.table.TableDescriber;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The readiness check of a service that reads or writes one table (the writer, the query API): up
 * while the table exists and is ACTIVE. Each check is one DescribeTable call, so services use
 * {@link #cached}: probes then cost DynamoDB one call per {@link #CACHE_TTL}, however often they
 * come.
 */
public final class TableReadinessCheck implements HealthCheck {
  /** How long a result answers probes before DynamoDB is asked again. */
  public static final Duration CACHE_TTL = Duration.ofSeconds(5);

  private final DynamoDbClient client;
  private final String table;

  private TableReadinessCheck(DynamoDbClient client, String table) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = Objects.requireNonNull(table, "table");
  }

  /** The check itself, asking DynamoDB every time. */
  public static TableReadinessCheck of(DynamoDbClient client, String table) {
    return new TableReadinessCheck(client, table);
  }

  /** The check answered from its last result for {@link #CACHE_TTL}. */
  public static HealthCheck cached(DynamoDbClient client, String table) {
    return of(client, table).cached(CACHE_TTL);
  }

  @Override
  public Result check() {
    return TableDescriber.describe(client, table)
        .map(
            summary ->
                "ACTIVE".equals(summary.status())
                    ? Result.up("table " + table + " is ACTIVE")
                    : Result.down("table " + table + " is " + summary.status()))
        .orElseGet(() -> Result.down("table " + table + " does not exist"));
  }
}

package io.shardstream.queryapi;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.query.PartitionReader;
import io.shardstream.service.HealthCheck;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;

/**
 * What the HTTP layer reads through: DynamoDB in {@link QueryApiServer}, in-memory fakes in tests.
 *
 * @param fanOut runs the first read of every partition of a search in parallel
 * @param tableReady the readiness check of {@code /health/ready}
 * @param requestsInFlight DynamoDB requests running now, for a gauge
 */
public record QueryBackend(
    EntityManager manager,
    PartitionReader reader,
    ItemLookup lookup,
    Executor fanOut,
    HealthCheck tableReady,
    IntSupplier requestsInFlight) {

  public QueryBackend {
    Objects.requireNonNull(manager, "manager");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(fanOut, "fanOut");
    Objects.requireNonNull(tableReady, "tableReady");
    Objects.requireNonNull(requestsInFlight, "requestsInFlight");
  }
}

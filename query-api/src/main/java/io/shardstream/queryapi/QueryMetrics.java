package io.shardstream.queryapi;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shardstream.core.query.QueryStats;
import java.util.function.IntSupplier;

/**
 * What searches cost DynamoDB, per entity: requests, items read (what read capacity pays for) and
 * partitions touched per page; and the requests in flight now.
 */
final class QueryMetrics {
  private final MeterRegistry registry;

  QueryMetrics(MeterRegistry registry, IntSupplier requestsInFlight) {
    this.registry = registry;
    Gauge.builder("shardstream.query.dynamodb.inflight", requestsInFlight::getAsInt)
        .description("DynamoDB requests in flight")
        .register(registry);
  }

  void searched(String entity, QueryStats stats) {
    registry
        .counter("shardstream.query.dynamodb.requests", "entity", entity)
        .increment(stats.readRequests());
    registry.counter("shardstream.query.items.read", "entity", entity).increment(stats.itemsRead());
    DistributionSummary.builder("shardstream.query.partitions")
        .description("partitions read for one page")
        .tag("entity", entity)
        .register(registry)
        .record(stats.partitionsQueried());
  }
}

package io.shardstream.queryapi;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.query.CursorCodec;
import io.shardstream.core.query.Searcher;
import io.shardstream.service.HealthCheck;

/**
 * Everything a request reads through for one table and its entity configuration, built once and
 * never changed: a request takes the current one at its start and keeps it to its end, so a switch
 * to another table (see {@link ActiveTable}) never mixes two tables or two configurations in one
 * answer.
 *
 * @param table the DynamoDB table name (a label for logs and the readiness detail)
 */
record ServedTable(
    String table,
    EntityManager manager,
    ApiModel model,
    Lookups lookups,
    Partitions partitions,
    Searches searches,
    ItemViews views,
    HealthCheck tableReady) {

  /**
   * @throws IllegalStateException when the configuration cannot serve the routes
   */
  static ServedTable of(
      String table, QueryBackend backend, CursorCodec cursors, QueryMetrics metrics) {
    EntityManager manager = backend.manager();
    ApiModel model = ApiModel.of(manager.config());
    StartupCheck.requireSearchable(manager, model);
    ItemViews views = new ItemViews(manager);
    return new ServedTable(
        table,
        manager,
        model,
        new Lookups(manager, backend.lookup(), model),
        new Partitions(manager, backend.reader()),
        new Searches(
            new Searcher(manager, backend.reader(), cursors, backend.fanOut()), views, metrics),
        views,
        backend.tableReady());
  }

  String configVersion() {
    return manager.config().version();
  }
}

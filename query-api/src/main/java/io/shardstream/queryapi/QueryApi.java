package io.shardstream.queryapi;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shardstream.core.query.CursorCodec;
import io.shardstream.queryapi.changes.ChangeBuffer;
import io.shardstream.queryapi.changes.ChangeFeedSettings;
import io.shardstream.queryapi.ops.Operations;
import io.shardstream.service.OpsRoutes;
import io.shardstream.service.ProblemRoutes;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The query API as a Javalin app, not yet started: the {@code /v1} routes behind the API-key check,
 * {@code /openapi.json}, the ops routes, problem+json for every error, the access log and request
 * metrics. {@link QueryApiServer} runs it on DynamoDB; tests run it on fakes.
 */
public final class QueryApi {
  static final String OPENAPI_PATH = "/openapi.json";

  private QueryApi() {}

  /**
   * @param maxLimit the largest {@code limit} a client may ask for
   * @throws IllegalStateException when the entity configuration lacks what the routes search
   */
  public static Javalin create(
      QueryBackend backend,
      CursorCodec cursors,
      ApiKeys keys,
      int maxLimit,
      PrometheusMeterRegistry registry) {
    return create(backend, cursors, keys, maxLimit, Admission.DEFAULT, registry);
  }

  /**
   * @param admission how many requests and connections it takes on at once
   */
  public static Javalin create(
      QueryBackend backend,
      CursorCodec cursors,
      ApiKeys keys,
      int maxLimit,
      Admission admission,
      PrometheusMeterRegistry registry) {
    QueryMetrics metrics = new QueryMetrics(registry, backend.requestsInFlight());
    ServedTable served = ServedTable.of("(fixed backend)", backend, cursors, metrics);
    return create(
        new ActiveTable(served),
        keys,
        maxLimit,
        admission,
        registry,
        config -> {},
        Operations.none(),
        Optional.empty(),
        ChangeFeedSettings.NONE);
  }

  /**
   * The app on a table that can be switched while it serves (see {@link ActiveTable}), with the
   * dead letters and pipeline health {@code operations} watches and the live changes of {@code
   * changeFeed} (empty: {@code /v1/changes} answers 503).
   *
   * @param server how the server listens, beyond Javalin's default plain HTTP connector (HTTPS:
   *     {@link io.shardstream.service.HttpsKeystore#install})
   */
  static Javalin create(
      ActiveTable active,
      ApiKeys keys,
      int maxLimit,
      Admission admission,
      PrometheusMeterRegistry registry,
      Consumer<JavalinConfig> server,
      Operations operations,
      Optional<ChangeBuffer> changeFeed,
      ChangeFeedSettings changeSettings) {
    ChangeRoutes changes =
        new ChangeRoutes(changeFeed, changeSettings, new ChangeVisibility(active));
    Gauge.builder("shardstream.query.changes.streams", changes::open)
        .description("open /v1/changes streams")
        .register(registry);
    if (keys.anyBound() && active.current().model().bindingProperty().isEmpty()) {
      throw new IllegalStateException(
          "api.keys binds keys to values (key:value), but the entity configuration declares no"
              + " keyBinding: add \"keyBinding\": {\"property\": \"<attribute>\"} to it, or remove"
              + " the ':value' parts of api.keys");
    }
    ApiKeyAuth auth = new ApiKeyAuth(keys);
    // Change streams bound their own number (changes.max-streams, 429 beyond it).
    RequestGate gate = new RequestGate(admission, Set.of(ChangeRoutes.PATH), registry);
    // By configuration version: a switch to another configuration serves its own document.
    Map<String, String> openApi = new java.util.concurrent.ConcurrentHashMap<>();
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          // Handlers block on DynamoDB; on virtual threads that costs no platform thread.
          config.concurrency.useVirtualThreads = true;
          server.accept(config);
          JettyProblems.install(config);
          RequestObservers.install(config, registry);
          ProblemRoutes.install(config);
          DynamoFailures.install(config);
          OpsRoutes.install(config, registry, Map.of("table", active.readiness()));
          config.routes.get(
              OPENAPI_PATH,
              ctx -> {
                ServedTable served = active.current();
                ctx.contentType("application/json")
                    .result(
                        openApi.computeIfAbsent(
                            served.configVersion(),
                            v -> OpenApiDocument.render(maxLimit, served.model())));
              });
          config.routes.before(PathEncoding::check);
          config.routes.before("/v1/*", auth::check);
          // After the key check: a caller without a valid key takes no place.
          gate.install(config);
          new ConsoleRoutes().install(config.routes);
          new OperationsRoutes(operations).install(config.routes);
          changes.install(config.routes);
          // Last: /v1/{entities} would match the fixed /v1 routes' paths too.
          new EntityRoutes(active, maxLimit).install(config.routes);
        });
  }
}

package io.shardstream.service;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health/live} (the process answers), {@code /health/ready} (every check up; 503 with the
 * failing checks otherwise) and {@code /metrics} (Prometheus text format), for any Javalin app.
 */
public final class OpsRoutes {
  private static final Logger log = LoggerFactory.getLogger(OpsRoutes.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private OpsRoutes() {}

  public static void install(
      JavalinConfig config, PrometheusMeterRegistry registry, Map<String, HealthCheck> readiness) {
    config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
    config.routes.get("/health/ready", ctx -> ready(ctx, readiness));
    config.routes.get(
        "/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
  }

  private static void ready(Context ctx, Map<String, HealthCheck> readiness) {
    Map<String, Object> checks = new LinkedHashMap<>();
    boolean allUp = true;
    for (Map.Entry<String, HealthCheck> check : readiness.entrySet()) {
      HealthCheck.Result result;
      try {
        result = check.getValue().check();
      } catch (Exception e) {
        log.debug("readiness check {} failed", check.getKey(), e);
        result = HealthCheck.Result.down(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      allUp &= result.up();
      checks.put(
          check.getKey(),
          Map.of(
              "status",
              result.up() ? "UP" : "DOWN",
              "detail",
              result.detail() == null ? "" : result.detail()));
    }
    ctx.status(allUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(Map.of("status", allUp ? "UP" : "DOWN", "checks", checks));
  }
}

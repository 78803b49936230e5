package io.shardstream.queryapi;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every request, answered or failed: one access-log line ({@code GET /v1/users 200 12ms} on
 * the logger {@value #ACCESS_LOGGER}) and the {@code http.server.requests} timer tagged with the
 * route template (not the path, so user ids do not become metric labels), method and status.
 */
final class RequestObservers {
  static final String ACCESS_LOGGER = "io.shardstream.queryapi.access";
  private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);

  /** The route tag of requests no route matched (404s of unknown paths). */
  static final String UNMATCHED = "unmatched";

  private RequestObservers() {}

  static void install(JavalinConfig config, MeterRegistry registry) {
    config.requestLogger.http(
        (ctx, millis) -> {
          int status = ctx.statusCode();
          ACCESS.info(
              "{} {} {} {}ms",
              ctx.method(),
              ctx.path(),
              status,
              String.format(Locale.ROOT, "%.1f", millis));
          Timer.builder("http.server.requests")
              .description("HTTP requests by route, method and status")
              .tag("method", ctx.method().name())
              .tag("route", route(ctx))
              .tag("status", Integer.toString(status))
              .publishPercentileHistogram()
              .register(registry)
              .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        });
  }

  /**
   * Set by a handler whose endpoint is generic ({@code /v1/{entities}}) to the route it served
   * ({@code /v1/users/{userId}}), which is what a dashboard wants to tell apart; only routes of the
   * served configuration's entities, so the tag stays bounded.
   */
  static void servedRoute(Context ctx, String template) {
    ctx.attribute(ROUTE, template);
  }

  private static final String ROUTE = RequestObservers.class.getName() + ".route";

  private static String route(Context ctx) {
    String served = ctx.attribute(ROUTE);
    if (served != null) {
      return served;
    }
    try {
      Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      return endpoint == null ? UNMATCHED : endpoint.path;
    } catch (RuntimeException e) {
      return UNMATCHED;
    }
  }
}

package io.shardstream.service;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/**
 * A small HTTP server with only the ops routes, for services that serve nothing else (the writer).
 */
public final class OpsServer implements AutoCloseable {
  private final Javalin app;

  private OpsServer(Javalin app) {
    this.app = app;
  }

  public static OpsServer start(
      String host, int port, PrometheusMeterRegistry registry, Map<String, HealthCheck> readiness) {
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              OpsRoutes.install(config, registry, readiness);
              ProblemRoutes.install(config);
            });
    app.start(host, port);
    return new OpsServer(app);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}

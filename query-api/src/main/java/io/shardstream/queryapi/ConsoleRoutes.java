package io.shardstream.queryapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web console: a few static files inside the jar, served at {@code /console/}. The page reads
 * the API like any client (with the caller's API key, from {@code /openapi.json} and {@code /v1}),
 * so it needs no key itself and can do no more than the key it is given.
 */
final class ConsoleRoutes {
  static final String PATH = "/console";
  private static final String RESOURCES = "/io/shardstream/queryapi/console/";
  // Only what the page is made of: nothing from elsewhere, no inline script (the policy forbids
  // it).
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self';"
          + " frame-ancestors 'none'";
  private static final Map<String, String> ASSETS =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "console.js", "text/javascript; charset=utf-8",
          "console-ops.js", "text/javascript; charset=utf-8",
          "console.css", "text/css; charset=utf-8",
          "console-live.js", "text/javascript; charset=utf-8",
          "console-live.css", "text/css; charset=utf-8");

  private final Map<String, byte[]> contents = new LinkedHashMap<>();

  ConsoleRoutes() {
    ASSETS.keySet().forEach(name -> contents.put(name, read(name)));
  }

  void install(RoutesConfig routes) {
    // Javalin matches /console and /console/ alike; the page's relative links need the slash.
    routes.get(PATH, this::index);
    routes.get(PATH + "/{asset}", ctx -> serve(ctx, ctx.pathParam("asset")));
  }

  private void index(Context ctx) {
    if (ctx.path().endsWith("/")) {
      serve(ctx, "index.html");
    } else {
      // Relative, so that it also holds behind a proxy that serves the API under a path prefix.
      String query = ctx.queryString();
      ctx.redirect(PATH.substring(1) + "/" + (query == null ? "" : "?" + query));
    }
  }

  private void serve(Context ctx, String name) {
    byte[] content = contents.get(name);
    if (content == null) {
      throw Problems.notFound("the console has no file " + name);
    }
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        // Small files that change with each release: revalidate rather than guess an age.
        .header("Cache-Control", "no-cache")
        .contentType(ASSETS.get(name))
        .result(content);
  }

  private static byte[] read(String name) {
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("the console's " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

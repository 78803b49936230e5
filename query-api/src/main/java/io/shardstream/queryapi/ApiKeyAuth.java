package io.shardstream.queryapi;

import io.javalin.http.Context;

/**
 * Checks the {@code X-Api-Key} header of every {@code /v1} request when keys are configured, and
 * leaves the {@link Caller} on the request for the handlers. The ops routes (health, metrics,
 * OpenAPI) stay open: probes and scrapers carry no keys.
 */
final class ApiKeyAuth {
  static final String HEADER = "X-Api-Key";
  private static final String CALLER = ApiKeyAuth.class.getName() + ".caller";

  private final ApiKeys keys;

  ApiKeyAuth(ApiKeys keys) {
    this.keys = keys;
  }

  void check(Context ctx) {
    if (!keys.required()) {
      ctx.attribute(CALLER, Caller.UNRESTRICTED);
      return;
    }
    String key = ctx.header(HEADER);
    if (key == null || key.isEmpty()) {
      ctx.header("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
      throw Problems.unauthorized("send an API key in the " + HEADER + " header");
    }
    Caller caller =
        keys.caller(key)
            .orElseThrow(
                () -> {
                  ctx.header("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
                  return Problems.unauthorized("the API key in " + HEADER + " is not valid");
                });
    ctx.attribute(CALLER, caller);
  }

  /** The caller {@link #check} admitted. */
  static Caller caller(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    if (caller == null) {
      throw new IllegalStateException("no caller on " + ctx.path() + ": is the route outside /v1?");
    }
    return caller;
  }
}

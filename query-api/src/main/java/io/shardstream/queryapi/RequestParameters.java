package io.shardstream.queryapi;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a request's query parameters for a route, refusing a query string that cannot be read. */
final class RequestParameters {
  private RequestParameters() {}

  static QueryParameters of(Context ctx, Set<String> allowed) {
    Map<String, List<String>> raw;
    try {
      raw = ctx.queryParamMap();
    } catch (RuntimeException e) {
      throw Problems.invalidParameter("query", "the query string is not valid URL encoding");
    }
    return QueryParameters.of(raw, allowed);
  }
}

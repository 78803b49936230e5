package io.shardstream.queryapi;

import io.javalin.http.Context;
import io.shardstream.service.Problem;
import io.shardstream.service.ProblemException;

/**
 * Refuses a request path with a broken percent escape ({@code /v1/users/%zz}) as a 400 before
 * routing: Javalin decodes path parameters before any handler runs and would fail there with an
 * exception only a generic (500) handler catches.
 */
final class PathEncoding {
  private PathEncoding() {}

  static void check(Context ctx) {
    String raw = ctx.req().getRequestURI();
    if (raw != null && !validEscapes(raw)) {
      throw new ProblemException(
          Problem.of(
              400,
              "Bad Request",
              "the request path has a '%' " + "that is not followed by two hexadecimal digits"));
    }
  }

  static boolean validEscapes(String text) {
    for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
      if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}

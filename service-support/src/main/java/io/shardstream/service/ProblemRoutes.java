package io.shardstream.service;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a Javalin app answers is an RFC 9457 problem: a {@link ProblemException} as it says,
 * unknown routes and methods as 404/405, and anything unexpected as a 500 whose body holds only an
 * error id (the stack trace goes to the log under that id, never to the client).
 */
public final class ProblemRoutes {
  private static final Logger log = LoggerFactory.getLogger(ProblemRoutes.class);

  private ProblemRoutes() {}

  public static void install(JavalinConfig config) {
    // A known path asked with another method is a 405 naming the methods it has, not a 404.
    config.http.prefer405over404 = true;
    config.routes.exception(MethodNotAllowedResponse.class, ProblemRoutes::methodNotAllowed);
    config.routes.exception(ProblemException.class, (e, ctx) -> respond(ctx, e.problem()));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          String errorId = UUID.randomUUID().toString();
          log.error("unexpected error {} on {} {}", errorId, ctx.method(), ctx.path(), e);
          respond(
              ctx,
              Problem.of(
                      500,
                      "Internal Server Error",
                      "The server failed to answer; quote error id "
                          + errorId
                          + " when reporting it.")
                  .with("errorId", errorId));
        });
    config.routes.error(
        404,
        "*",
        ctx -> {
          if (!isProblem(ctx)) {
            respond(ctx, Problem.of(404, "Not Found", "No resource at " + ctx.path()));
          }
        });
    config.routes.error(
        405,
        "*",
        ctx -> {
          if (!isProblem(ctx)) {
            respond(
                ctx,
                Problem.of(
                    405,
                    "Method Not Allowed",
                    ctx.method() + " is not supported on " + ctx.path()));
          }
        });
  }

  /** 405 with {@code Allow}: Javalin lists the path's methods in the exception's details. */
  private static void methodNotAllowed(MethodNotAllowedResponse e, Context ctx) {
    String allowed = e.getDetails().values().stream().findFirst().orElse("");
    if (!allowed.isBlank()) {
      ctx.header("Allow", allowed);
    }
    respond(
        ctx,
        Problem.of(
            405,
            "Method Not Allowed",
            ctx.method()
                + " is not supported on "
                + ctx.path()
                + (allowed.isBlank() ? "" : "; allowed: " + allowed)));
  }

  public static void respond(Context ctx, Problem problem) {
    ctx.status(problem.status()).json(problem.toJson(ctx.path())).contentType(Problem.CONTENT_TYPE);
  }

  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(Problem.CONTENT_TYPE);
  }
}

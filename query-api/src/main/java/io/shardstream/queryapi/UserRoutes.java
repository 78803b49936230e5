package io.shardstream.queryapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/users}, {@code /v1/users/{userId}} and {@code /v1/users/{userId}/emails}. */
final class UserRoutes {
  static final String USER_ID = "userId";

  private final ActiveTable active;
  private final int maxLimit;

  UserRoutes(ActiveTable active, int maxLimit) {
    this.active = active;
    this.maxLimit = maxLimit;
  }

  void install(RoutesConfig routes) {
    routes.get("/v1/users", this::search);
    routes.get("/v1/users/{userId}", this::get);
    routes.get("/v1/users/{userId}/emails", this::emails);
  }

  private void search(Context ctx) {
    QueryParameters parameters = RequestParameters.of(ctx, UserSearch.PARAMETERS);
    UserSearch search = UserSearch.read(parameters, maxLimit);
    parameters.throwIfInvalid();
    ctx.json(
        active
            .current()
            .searches()
            .page(search.toRequest(ApiKeyAuth.caller(ctx)), search.page().cursor()));
  }

  private void get(Context ctx) {
    QueryParameters parameters = RequestParameters.of(ctx, Set.of());
    Optional<String> userId = parameters.path(USER_ID, ctx.pathParam(USER_ID));
    parameters.throwIfInvalid();
    ServedTable served = active.current();
    Map<String, Object> user = visibleUser(served, ctx, userId.orElseThrow());
    ctx.json(served.views().view(UserIndexes.ENTITY, user));
  }

  private void emails(Context ctx) {
    QueryParameters parameters = RequestParameters.of(ctx, EmailSearch.OF_USER_PARAMETERS);
    Optional<String> userId = parameters.path(USER_ID, ctx.pathParam(USER_ID));
    EmailSearch search = EmailSearch.read(parameters, userId, maxLimit);
    parameters.throwIfInvalid();
    ServedTable served = active.current();
    visibleUser(served, ctx, userId.orElseThrow());
    ctx.json(served.searches().page(search.toRequest(), search.page().cursor()));
  }

  private static Map<String, Object> visibleUser(ServedTable served, Context ctx, String userId) {
    return served
        .lookups()
        .visibleUser(userId, USER_ID, ApiKeyAuth.caller(ctx))
        .orElseThrow(() -> Problems.notFound("there is no user with this userId"));
  }
}

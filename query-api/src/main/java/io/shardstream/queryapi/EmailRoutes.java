package io.shardstream.queryapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/emails} and {@code /v1/emails/{email}}. */
final class EmailRoutes {
  static final String EMAIL = "email";

  private final ActiveTable active;
  private final int maxLimit;

  EmailRoutes(ActiveTable active, int maxLimit) {
    this.active = active;
    this.maxLimit = maxLimit;
  }

  void install(RoutesConfig routes) {
    routes.get("/v1/emails", this::search);
    routes.get("/v1/emails/{email}", this::get);
  }

  private void get(Context ctx) {
    QueryParameters parameters = RequestParameters.of(ctx, Set.of());
    Optional<String> address = parameters.path(EMAIL, ctx.pathParam(EMAIL));
    parameters.throwIfInvalid();
    Caller caller = ApiKeyAuth.caller(ctx);
    ServedTable served = active.current();
    Lookups lookups = served.lookups();
    Map<String, Object> email =
        lookups
            .email(address.orElseThrow(), EMAIL)
            // Emails carry no beneficiary: a bound key sees an email when it sees its user.
            .filter(
                e ->
                    caller.beneficiary().isEmpty()
                        || e.get(UserIndexes.USER_ID) instanceof String userId
                            && lookups.visibleUser(userId, UserRoutes.USER_ID, caller).isPresent())
            .orElseThrow(() -> Problems.notFound("there is no email with this address"));
    ctx.json(served.views().view(UserIndexes.EMAIL_ENTITY, email));
  }

  private void search(Context ctx) {
    QueryParameters parameters = RequestParameters.of(ctx, EmailSearch.PARAMETERS);
    EmailSearch search = EmailSearch.read(parameters, Optional.empty(), maxLimit);
    parameters.throwIfInvalid();
    Caller caller = ApiKeyAuth.caller(ctx);
    ServedTable served = active.current();
    if (caller.beneficiary().isPresent()) {
      if (search.userId().isEmpty()) {
        throw Problems.forbidden(
            "this API key sees only its beneficiary's users: list the "
                + "emails of one of them with userId");
      }
      if (served
          .lookups()
          .visibleUser(search.userId().get(), EmailSearch.USER_ID, caller)
          .isEmpty()) {
        // Another beneficiary's user, or none: nothing this caller may see.
        ctx.json(Searches.emptyPage());
        return;
      }
    }
    ctx.json(served.searches().page(search.toRequest(), search.page().cursor()));
  }
}

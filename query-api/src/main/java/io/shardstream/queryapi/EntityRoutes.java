package io.shardstream.queryapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.shardstream.core.keys.KeyException;
import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.core.query.SearchRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entity routes, for whichever entity configuration is active ({@link ApiModel}):
 *
 * <ul>
 *   <li>{@code /v1/{plural}}: the entity's search ({@link EntitySearch});
 *   <li>{@code /v1/{plural}/{id}}: one instance by its unique id, with {@code ?include=all|a,b} its
 *       children: the co-located ones from the one Query of its partition, the others one search
 *       each; {@code stats.queries} counts the DynamoDB Queries;
 *   <li>{@code /v1/{plural}/{id}/{children}}: one kind of its children: co-located ones with one
 *       Query ({@code begins_with} on the child prefix), the others through the index on their
 *       parent reference.
 * </ul>
 *
 * Registered after every fixed {@code /v1} route, which Javalin matches first.
 */
final class EntityRoutes {
  static final String ENTITIES = "entities";
  static final String ID = "id";
  static final String CHILDREN = "children";
  static final String INCLUDE = "include";
  static final String ALL = "all";

  private final ActiveTable active;
  private final int maxLimit;

  EntityRoutes(ActiveTable active, int maxLimit) {
    this.active = active;
    this.maxLimit = maxLimit;
  }

  void install(RoutesConfig routes) {
    routes.get("/v1/{" + ENTITIES + "}", this::search);
    routes.get("/v1/{" + ENTITIES + "}/{" + ID + "}", this::get);
    routes.get("/v1/{" + ENTITIES + "}/{" + ID + "}/{" + CHILDREN + "}", this::children);
  }

  private static ApiEntity entity(ServedTable served, Context ctx) {
    String plural = ctx.pathParam(ENTITIES);
    ApiEntity entity =
        served
            .model()
            .byPlural(plural)
            .orElseThrow(
                () ->
                    Problems.notFound(
                        "no entity is served at /v1/"
                            + shown(plural)
                            + "; the entities are "
                            + String.join(", ", served.model().entities().keySet())));
    RequestObservers.servedRoute(ctx, template(ctx, entity));
    return entity;
  }

  /** The route as the OpenAPI document names it: {@code /v1/users/{userId}/emails}. */
  private static String template(Context ctx, ApiEntity entity) {
    String route = "/v1/" + entity.plural();
    if (ctx.pathParamMap().containsKey(ID)) {
      route += "/{" + entity.idProperty() + "}";
    }
    if (ctx.pathParamMap().containsKey(CHILDREN)) {
      route +=
          entity.child(ctx.pathParam(CHILDREN)).map(c -> "/" + c.plural()).orElse("/{children}");
    }
    return route;
  }

  private void search(Context ctx) {
    ServedTable served = active.current();
    ApiEntity entity = entity(served, ctx);
    if (entity.families().isEmpty()) {
      throw Problems.notFound(underParent(served, entity));
    }
    QueryParameters parameters =
        RequestParameters.of(ctx, EntitySearch.parameters(entity, Optional.empty()));
    EntitySearch search = EntitySearch.read(entity, parameters, Optional.empty(), maxLimit);
    parameters.throwIfInvalid();
    Caller caller = ApiKeyAuth.caller(ctx);
    Optional<String> binding = served.model().bindingProperty();
    if (caller.bound() && !(binding.isPresent() && entity.carries(binding.get()))) {
      // Items without the binding property are visible through their parent: one parent's only.
      var parent =
          entity
              .parent()
              .orElseThrow(
                  () ->
                      Problems.forbidden(
                          "this API key sees only its own instances; "
                              + entity.plural()
                              + " carry no "
                              + binding.orElse("binding")));
      String parentId = search.scope().get(parent.property());
      if (parentId == null) {
        throw Problems.forbidden(
            "this API key sees only its own instances: list the "
                + entity.plural()
                + " of one of them with "
                + parent.property());
      }
      ApiEntity parentEntity = served.model().byToken(parent.entity());
      if (served.lookups().visible(parentEntity, parentId, parent.property(), caller).isEmpty()) {
        // Another binding's parent, or none: nothing this caller may see.
        ctx.json(Searches.emptyPage());
        return;
      }
    }
    SearchRequest request = search.toRequest(caller, binding);
    ctx.json(served.searches().page(request, search.page().cursor(), caller));
  }

  private void get(Context ctx) {
    ServedTable served = active.current();
    ApiEntity entity = entity(served, ctx);
    if (entity.colocated()) {
      throw Problems.notFound(withParent(served, entity));
    }
    QueryParameters parameters =
        RequestParameters.of(ctx, entity.children().isEmpty() ? Set.of() : Set.of(INCLUDE));
    Optional<String> id = parameters.path(entity.idProperty(), ctx.pathParam(ID));
    Optional<List<ApiEntity.Child>> include =
        parameters.parsed(INCLUDE, text -> include(entity, text));
    parameters.throwIfInvalid();
    Caller caller = ApiKeyAuth.caller(ctx);
    if (include.isEmpty()) {
      Map<String, Object> item = visible(served, entity, id.orElseThrow(), caller);
      ctx.json(served.views().view(entity.token(), item, caller));
      return;
    }
    ctx.json(withChildren(served, entity, id.orElseThrow(), include.get(), caller));
  }

  private Map<String, Object> withChildren(
      ServedTable served,
      ApiEntity entity,
      String id,
      List<ApiEntity.Child> include,
      Caller caller) {
    Map<String, List<Map<String, Object>>> colocated = new LinkedHashMap<>();
    include.stream()
        .filter(c -> entity.colocatedChildren().contains(c))
        .forEach(c -> colocated.put(c.token(), new ArrayList<>()));
    int queries = 0;
    int lookups = 0;
    Map<String, Object> item;
    if (colocated.isEmpty()) {
      item = visible(served, entity, id, caller);
      lookups++;
    } else {
      Partitions.Read family = null;
      String rangeKey = served.manager().config().rangeKey();
      String parentRange = null;
      // The id alone does not say which shard bump keyed it: newest first, as most items are.
      List<PrimaryKey> candidates = candidates(served, entity, id);
      for (int i = candidates.size() - 1; i >= 0 && parentRange == null; i--) {
        PrimaryKey key = candidates.get(i);
        family = served.partitions().family(key.hashKey(), entity.token(), id);
        queries += family.queries();
        if (family.items().stream().anyMatch(it -> key.rangeKey().equals(it.get(rangeKey)))) {
          parentRange = key.rangeKey();
        }
      }
      if (parentRange == null) {
        throw Problems.notFound(notFound(entity));
      }
      Map<String, Object> parent = null;
      for (Map<String, Object> stored : family.items()) {
        if (parentRange.equals(stored.get(rangeKey))) {
          parent = stored;
          continue;
        }
        served
            .manager()
            .entityOf(stored)
            .map(e -> e.token())
            .filter(colocated::containsKey)
            .ifPresent(t -> colocated.get(t).add(served.views().view(t, stored, caller)));
      }
      if (!served.lookups().visible(entity, parent, caller)) {
        throw Problems.notFound(notFound(entity));
      }
      item = parent;
    }
    Map<String, Object> body =
        new LinkedHashMap<>(served.views().view(entity.token(), item, caller));
    for (ApiEntity.Child child : include) {
      if (colocated.containsKey(child.token())) {
        body.put(child.plural(), colocated.get(child.token()));
      } else {
        Map<String, Object> page = indexedChildren(served, child, id, caller);
        body.put(child.plural(), page.get("items"));
        if (page.containsKey("nextCursor")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> cursors =
              (Map<String, Object>) body.computeIfAbsent("nextCursors", k -> new LinkedHashMap<>());
          cursors.put(child.plural(), page.get("nextCursor"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) page.get("stats");
        queries += ((Number) stats.get("dynamoRequests")).intValue();
      }
    }
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("queries", queries);
    stats.put("lookups", lookups);
    body.put("stats", stats);
    return body;
  }

  private void children(Context ctx) {
    ServedTable served = active.current();
    ApiEntity entity = entity(served, ctx);
    String plural = ctx.pathParam(CHILDREN);
    ApiEntity.Child child =
        entity
            .child(plural)
            .orElseThrow(
                () ->
                    Problems.notFound(
                        entity.plural()
                            + " have no children called "
                            + shown(plural)
                            + (entity.children().isEmpty()
                                ? ""
                                : "; theirs are "
                                    + String.join(
                                        ", ",
                                        entity.children().stream()
                                            .map(ApiEntity.Child::plural)
                                            .toList()))));
    Caller caller = ApiKeyAuth.caller(ctx);
    if (entity.colocatedChildren().contains(child)) {
      QueryParameters parameters = RequestParameters.of(ctx, Set.of());
      Optional<String> id = parameters.path(entity.idProperty(), ctx.pathParam(ID));
      parameters.throwIfInvalid();
      Map<String, Object> parent = visible(served, entity, id.orElseThrow(), caller);
      PrimaryKey key = served.manager().primaryKey(entity.token(), parent);
      Partitions.Read read =
          served.partitions().children(key.hashKey(), child.token(), id.orElseThrow());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put(
          "items",
          read.items().stream().map(i -> served.views().view(child.token(), i, caller)).toList());
      body.put("stats", Map.of("queries", read.queries(), "lookups", 1));
      ctx.json(body);
      return;
    }
    ApiEntity childEntity = served.model().byToken(child.token());
    QueryParameters parameters =
        RequestParameters.of(
            ctx, EntitySearch.parameters(childEntity, Optional.of(child.reference())));
    Optional<String> id = parameters.path(entity.idProperty(), ctx.pathParam(ID));
    EntitySearch search =
        EntitySearch.read(
            childEntity,
            parameters,
            Optional.of(Map.entry(child.reference(), id.orElse(""))),
            maxLimit);
    parameters.throwIfInvalid();
    visible(served, entity, id.orElseThrow(), caller);
    ctx.json(
        served
            .searches()
            .page(
                search.toRequest(caller, served.model().bindingProperty()),
                search.page().cursor(),
                caller));
  }

  private Map<String, Object> indexedChildren(
      ServedTable served, ApiEntity.Child child, String parentId, Caller caller) {
    ApiEntity childEntity = served.model().byToken(child.token());
    QueryParameters parameters = QueryParameters.of(Map.of(), Set.of());
    EntitySearch search =
        EntitySearch.read(
            childEntity, parameters, Optional.of(Map.entry(child.reference(), parentId)), maxLimit);
    SearchRequest request =
        search.toRequest(caller, served.model().bindingProperty()).withLimit(maxLimit);
    return served.searches().page(request, Optional.empty(), caller);
  }

  private static List<PrimaryKey> candidates(ServedTable served, ApiEntity entity, String id) {
    try {
      return served.manager().candidatePrimaryKeys(entity.token(), id);
    } catch (KeyException e) {
      throw Problems.invalidParameter(entity.idProperty(), e.getMessage());
    }
  }

  private static Map<String, Object> visible(
      ServedTable served, ApiEntity entity, String id, Caller caller) {
    return served
        .lookups()
        .visible(entity, id, entity.idProperty(), caller)
        .orElseThrow(() -> Problems.notFound(notFound(entity)));
  }

  private static String notFound(ApiEntity entity) {
    return "there is no " + entity.token() + " with this " + entity.idProperty();
  }

  /** {@code all}, or child plurals separated by commas. */
  private static List<ApiEntity.Child> include(ApiEntity entity, String text) {
    if (text.trim().equals(ALL)) {
      return entity.children();
    }
    Set<ApiEntity.Child> chosen = new LinkedHashSet<>();
    for (String name : text.split(",", -1)) {
      String plural = name.trim();
      chosen.add(
          entity
              .child(plural)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "'"
                              + shown(plural)
                              + "' is not a child of "
                              + entity.plural()
                              + "; give all or some of "
                              + String.join(
                                  ",",
                                  entity.children().stream()
                                      .map(ApiEntity.Child::plural)
                                      .toList()))));
    }
    return List.copyOf(chosen);
  }

  private static String withParent(ServedTable served, ApiEntity entity) {
    ApiEntity parent = served.model().byToken(entity.parent().orElseThrow().entity());
    return "a "
        + entity.token()
        + " is served with its "
        + parent.token()
        + ": /v1/"
        + parent.plural()
        + "/{"
        + parent.idProperty()
        + "}/"
        + entity.plural()
        + " or /v1/"
        + parent.plural()
        + "/{"
        + parent.idProperty()
        + "}?include="
        + entity.plural();
  }

  private static String underParent(ServedTable served, ApiEntity entity) {
    return entity
        .parent()
        .map(p -> served.model().byToken(p.entity()))
        .map(
            parent ->
                entity.plural()
                    + " are listed under their "
                    + parent.token()
                    + ": /v1/"
                    + parent.plural()
                    + "/{"
                    + parent.idProperty()
                    + "}/"
                    + entity.plural())
        .orElse(entity.plural() + " have no index to list them by");
  }

  private static String shown(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}

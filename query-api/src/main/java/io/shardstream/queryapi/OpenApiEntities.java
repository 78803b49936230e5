package io.shardstream.queryapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.core.config.AttributeDefinition;
import io.shardstream.core.config.AttributeFormat;
import io.shardstream.core.config.EntityDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The entity part of {@code /openapi.json}, generated from the configuration ({@link ApiModel}):
 * each entity's paths with their parameters, and a schema per entity from its declared attributes.
 * {@link OpenApiDocument} adds them to the hand-written rest (ops, changes, problems, paging).
 */
final class OpenApiEntities {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String PARAMETERS = "#/components/parameters/";
  private static final String SCHEMAS = "#/components/schemas/";
  private static final String RESPONSES = "#/components/responses/";

  private final ApiModel model;

  OpenApiEntities(ApiModel model) {
    this.model = model;
  }

  /**
   * Adds every entity's paths to {@code paths}, schemas to {@code schemas}, tags to {@code tags}.
   */
  void addTo(ObjectNode paths, ObjectNode schemas, ArrayNode tags) {
    for (ApiEntity entity : model.entities().values()) {
      tags.addObject()
          .put("name", entity.plural())
          .put("description", capitalized(entity.plural()) + ": lookups and searches.");
      schemas.set(schemaName(entity), schema(entity));
      if (!entity.families().isEmpty()) {
        schemas.set(schemaName(entity) + "Page", page(entity));
        paths.set(
            "/v1/" + entity.plural(),
            get(
                entity,
                "list" + capitalized(entity.plural()),
                "Search " + entity.plural(),
                searchDescription(entity, Optional.empty()),
                searchParameters(entity, Optional.empty()),
                "A page of " + entity.plural() + ".",
                ref(schemaName(entity) + "Page")));
      }
      if (!entity.colocated()) {
        addLookup(paths, schemas, entity);
      }
    }
  }

  private void addLookup(ObjectNode paths, ObjectNode schemas, ApiEntity entity) {
    String idPath = "/v1/" + entity.plural() + "/{" + entity.idProperty() + "}";
    ArrayNode parameters = JSON.arrayNode().add(idParameter(entity));
    ObjectNode answer = ref(schemaName(entity));
    String description =
        "The "
            + entity.token()
            + " with this "
            + entity.idProperty()
            + " (one read of its candidate keys, one per shard bump). With a key bound to a value,"
            + " one it may not see is a 404.";
    if (!entity.children().isEmpty()) {
      List<String> plurals = entity.children().stream().map(ApiEntity.Child::plural).toList();
      parameters.add(
          query(
              EntityRoutes.INCLUDE,
              "`all` or some of "
                  + String.join(", ", plurals)
                  + " (comma-separated): the "
                  + entity.token()
                  + " with these children. Co-located children come from the one DynamoDB Query"
                  + " of its partition; others cost one search each. `stats.queries` counts the"
                  + " Queries, `stats.lookups` the key reads.",
              JSON.objectNode().put("type", "string").put("minLength", 1).put("maxLength", 256)));
      ObjectNode with = JSON.objectNode();
      with.putArray("allOf").add(ref(schemaName(entity))).add(included(entity));
      schemas.set(schemaName(entity) + "WithChildren", with);
      answer = ref(schemaName(entity) + "WithChildren");
    }
    paths.set(
        idPath,
        get(
            entity,
            "get" + capitalized(entity.token()),
            "Look up a " + entity.token(),
            description,
            parameters,
            "The " + entity.token() + ".",
            answer));
    for (ApiEntity.Child child : entity.children()) {
      ApiEntity childEntity = model.byToken(child.token());
      boolean colocated = entity.colocatedChildren().contains(child);
      ArrayNode childParameters = JSON.arrayNode().add(idParameter(entity));
      if (!colocated) {
        searchParameters(childEntity, Optional.of(child.reference())).forEach(childParameters::add);
      } else {
        schemas.set(schemaName(childEntity) + "List", list(childEntity));
      }
      paths.set(
          idPath + "/" + child.plural(),
          get(
              entity,
              "list" + capitalized(entity.token()) + capitalized(child.plural()),
              "List a " + entity.token() + "'s " + child.plural(),
              colocated
                  ? "Every "
                      + child.token()
                      + " of the "
                      + entity.token()
                      + ": one DynamoDB Query (begins_with on the child prefix in the "
                      + entity.token()
                      + "'s partition). 404 when the "
                      + entity.token()
                      + " does not exist (or the key may not see it)."
                  : searchDescription(childEntity, Optional.of(child.reference()))
                      + " 404 when the "
                      + entity.token()
                      + " does not exist (or the key may not see it).",
              childParameters,
              "The " + entity.token() + "'s " + child.plural() + ".",
              ref(schemaName(childEntity) + (colocated ? "List" : "Page"))));
    }
  }

  private ObjectNode get(
      ApiEntity tag,
      String operationId,
      String summary,
      String description,
      ArrayNode parameters,
      String answer,
      ObjectNode schema) {
    ObjectNode operation = JSON.objectNode();
    operation.putArray("tags").add(tag.plural());
    // The entity whose route it is: the console maps change events (which name tokens) to it.
    operation.put("x-shardstream-entity", tag.token());
    operation
        .put("operationId", operationId)
        .put("summary", summary)
        .put("description", description);
    operation.set("parameters", parameters);
    ObjectNode responses = operation.putObject("responses");
    ObjectNode ok = responses.putObject("200").put("description", answer);
    ok.putObject("content").putObject("application/json").set("schema", schema);
    for (String status : List.of("400", "401", "403", "404", "429", "500", "503")) {
      responses.set(status, ref(RESPONSES, response(status)));
    }
    ObjectNode item = JSON.objectNode();
    item.set("get", operation);
    return item;
  }

  private static String response(String status) {
    return switch (status) {
      case "400" -> "BadRequest";
      case "401" -> "Unauthorized";
      case "403" -> "Forbidden";
      case "404" -> "NotFound";
      case "429" -> "TooManyRequests";
      case "500" -> "InternalServerError";
      default -> "ServiceUnavailable";
    };
  }

  private String searchDescription(ApiEntity entity, Optional<String> fixed) {
    List<SearchFamily> families = EntitySearch.families(entity, fixed);
    return capitalized(entity.plural())
        + " in one global order over every shard. `sort` picks the index family ("
        + String.join(", ", EntitySearch.sortValues(families))
        + "); a range parameter is the key condition with its own sort and a filter otherwise;"
        + " the timestamp window chooses the shards read.";
  }

  private ArrayNode searchParameters(ApiEntity entity, Optional<String> fixed) {
    ArrayNode parameters = JSON.arrayNode();
    Set<String> names = EntitySearch.parameters(entity, fixed);
    List<SearchFamily> families = EntitySearch.families(entity, fixed);
    for (String name : names) {
      if (PageRequest.PARAMETERS.contains(name)) {
        parameters.add(ref(PARAMETERS, name));
      } else if (name.equals(EntitySearch.SORT)) {
        ObjectNode schema = JSON.objectNode().put("type", "string");
        ArrayNode values = schema.putArray("enum");
        EntitySearch.sortValues(families).forEach(values::add);
        parameters.add(query(name, "What the " + entity.plural() + " are ordered by.", schema));
      } else if (name.equals(EntitySearch.NAME)) {
        parameters.add(
            query(
                name,
                "Canonical name search (accents, case, punctuation ignored): one word begins any"
                    + " of the names; several words: a whole name, then the beginning of the other.",
                bounded()));
      } else if (name.endsWith(EntitySearch.FROM) || name.endsWith(EntitySearch.TO)) {
        parameters.add(
            query(
                name,
                (name.endsWith(EntitySearch.FROM) ? "At or after" : "At or before")
                    + " (inclusive; see Times).",
                ref(SCHEMAS, "TimeParameter")));
      } else if (isPrefix(families, name)) {
        parameters.add(
            query(
                name,
                capitalized(entity.plural()) + " whose " + name + " begins with this.",
                bounded()));
      } else {
        parameters.add(
            query(
                name,
                "Only the "
                    + entity.plural()
                    + " with this "
                    + name
                    + " (reads the indexes keyed by it).",
                bounded()));
      }
    }
    return parameters;
  }

  private static boolean isPrefix(List<SearchFamily> families, String name) {
    return families.stream()
        .anyMatch(f -> f.kind() == SearchFamily.Kind.PREFIX && f.rangeKey().equals(name));
  }

  private static ObjectNode bounded() {
    return JSON.objectNode().put("type", "string").put("minLength", 1).put("maxLength", 256);
  }

  private static ObjectNode query(String name, String description, ObjectNode schema) {
    ObjectNode parameter =
        JSON.objectNode().put("name", name).put("in", "query").put("description", description);
    parameter.set("schema", schema);
    return parameter;
  }

  private static ObjectNode idParameter(ApiEntity entity) {
    ObjectNode parameter =
        JSON.objectNode()
            .put("name", entity.idProperty())
            .put("in", "path")
            .put("required", true)
            .put("description", "The " + entity.token() + "'s " + entity.idProperty() + ".");
    parameter.set("schema", bounded());
    return parameter;
  }

  private ObjectNode included(ApiEntity entity) {
    ObjectNode schema = JSON.objectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    for (ApiEntity.Child child : entity.children()) {
      ObjectNode array = properties.putObject(child.plural()).put("type", "array");
      array.set("items", ref(schemaName(model.byToken(child.token()))));
    }
    ObjectNode cursors =
        properties
            .putObject("nextCursors")
            .put("type", "object")
            .put(
                "description",
                "For an included child list longer than one page: its cursor on the child route.");
    cursors.putObject("additionalProperties").put("type", "string");
    properties.set("stats", costs());
    return schema;
  }

  private ObjectNode list(ApiEntity entity) {
    ObjectNode schema = JSON.objectNode().put("type", "object");
    schema.putArray("required").add("items").add("stats");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("items").put("type", "array").set("items", ref(schemaName(entity)));
    properties.set("stats", costs());
    return schema;
  }

  private static ObjectNode costs() {
    ObjectNode stats =
        JSON.objectNode().put("type", "object").put("description", "What the answer cost.");
    ObjectNode properties = stats.putObject("properties");
    properties
        .putObject("queries")
        .put("type", "integer")
        .put("minimum", 0)
        .put("description", "DynamoDB Query requests.");
    properties
        .putObject("lookups")
        .put("type", "integer")
        .put("minimum", 0)
        .put("description", "Reads of candidate keys (BatchGetItem).");
    return stats;
  }

  private ObjectNode page(ApiEntity entity) {
    ObjectNode schema = JSON.objectNode().put("type", "object");
    schema.putArray("required").add("items").add("stats");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("items").put("type", "array").set("items", ref(schemaName(entity)));
    properties
        .putObject("nextCursor")
        .put("type", "string")
        .put("description", "Absent on the last page.");
    properties.set("stats", ref(SCHEMAS, "Stats"));
    return schema;
  }

  private static ObjectNode schema(ApiEntity entity) {
    EntityDefinition definition = entity.definition();
    ObjectNode schema = JSON.objectNode().put("type", "object");
    ArrayNode required = schema.putArray("required");
    ObjectNode properties = schema.putObject("properties");
    if (!definition.model().declaresAttributes()) {
      required.add(definition.uniqueProperty());
      properties.putObject(definition.uniqueProperty()).put("type", "string");
    }
    for (AttributeDefinition attribute : definition.model().attributes().values()) {
      if (attribute.required()) {
        required.add(attribute.name());
      }
      properties.set(attribute.name(), attribute(attribute));
    }
    schema.put("additionalProperties", true);
    return schema;
  }

  private static ObjectNode attribute(AttributeDefinition attribute) {
    ObjectNode schema = JSON.objectNode();
    String type =
        switch (attribute.type()) {
          case STRING, DATE -> "string";
          case INTEGER, TIMESTAMP -> "integer";
          case NUMBER -> "number";
          case BOOLEAN -> "boolean";
        };
    if (attribute.sensitive() && !type.equals("string")) {
      schema.putArray("type").add(type).add("string");
    } else {
      schema.put("type", type);
    }
    switch (attribute.type()) {
      case TIMESTAMP -> schema.put("description", "Epoch milliseconds.");
      case DATE -> schema.put("format", "date");
      default -> {}
    }
    attribute.maxLength().ifPresent(max -> schema.put("maxLength", max));
    attribute
        .format()
        .filter(f -> f == AttributeFormat.EMAIL)
        .ifPresent(f -> schema.put("format", "email"));
    attribute
        .format()
        .filter(f -> f != AttributeFormat.EMAIL)
        .ifPresent(f -> schema.put("description", capitalized(f.description()) + "."));
    attribute
        .enumValues()
        .filter(v -> !attribute.sensitive())
        .ifPresent(values -> values.forEach(schema.putArray("enum")::add));
    if (attribute.sensitive()) {
      schema.put(
          "description",
          "Sensitive: served as "
              + ItemViews.MASK
              + " (a string longer than "
              + ItemViews.SHOWN_TAIL_AFTER
              + " characters: "
              + ItemViews.MASK
              + " and its last "
              + ItemViews.SHOWN_TAIL
              + ") unless the API key has the `"
              + ApiKeys.REVEAL
              + "` scope.");
      schema.remove("maxLength");
      schema.remove("format");
    }
    return schema;
  }

  private static String schemaName(ApiEntity entity) {
    return capitalized(entity.token());
  }

  private static ObjectNode ref(String schema) {
    return ref(SCHEMAS, schema);
  }

  private static ObjectNode ref(String prefix, String name) {
    return JSON.objectNode().put("$ref", prefix + name);
  }

  private static String capitalized(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}

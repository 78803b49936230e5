package io.shardstream.queryapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /openapi.json}: the hand-written OpenAPI 3.1 description shipped with this module (ops,
 * changes, problems, paging), the entity routes and schemas generated from the entity configuration
 * ({@link OpenApiEntities}), this deployment's page-size maximum and the problem types ({@link
 * ProblemType}) filled in.
 */
final class OpenApiDocument {
  static final String RESOURCE = "openapi.json";

  private OpenApiDocument() {}

  private static final String PROBLEM_TYPE_SCHEMA = "/components/schemas/ProblemType";

  /** The document's JSON text for a server whose {@code limit} goes up to {@code maxLimit}. */
  static String render(int maxLimit, ApiModel model) {
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      JsonNode document = json.readTree(in);
      JsonNode limitSchema = document.at("/components/parameters/limit/schema");
      if (!(limitSchema instanceof ObjectNode schema)) {
        throw new IllegalStateException(RESOURCE + " has no components.parameters.limit.schema");
      }
      schema.put("maximum", maxLimit);
      schema.put("default", Math.min(PageRequest.DEFAULT_LIMIT, maxLimit));
      describeProblemTypes(document);
      addEntities(document, model);
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entity paths first, then the hand-written ones. */
  private static void addEntities(JsonNode document, ApiModel model) {
    ObjectNode root = (ObjectNode) document;
    ObjectNode paths = root.objectNode();
    ArrayNode tags = root.arrayNode();
    new OpenApiEntities(model).addTo(paths, (ObjectNode) document.at("/components/schemas"), tags);
    paths.setAll((ObjectNode) document.get("paths"));
    root.set("paths", paths);
    tags.addAll((ArrayNode) document.get("tags"));
    root.set("tags", tags);
    ((ObjectNode) document.get("info"))
        .put(
            "summary",
            "The entities of the sharded single table ("
                + String.join(", ", model.entities().keySet())
                + "): lookups, children and exact, globally ordered, cross-shard pages.");
  }

  /**
   * Every value a problem's {@code type} takes, each with what it means, from {@link ProblemType}.
   */
  private static void describeProblemTypes(JsonNode document) {
    if (!(document.at(PROBLEM_TYPE_SCHEMA) instanceof ObjectNode schema)) {
      throw new IllegalStateException(RESOURCE + " has no " + PROBLEM_TYPE_SCHEMA);
    }
    ArrayNode values = schema.putArray("oneOf");
    values
        .addObject()
        .put("const", "about:blank")
        .put(
            "description",
            "The status says it all "
                + "(401, 403, 404, 405, 429, 5xx, and a 400 for an HTTP request that cannot be read).");
    for (ProblemType type : ProblemType.values()) {
      values
          .addObject()
          .put("const", type.uri())
          .put("title", type.title())
          .put("description", "400: " + type.description());
    }
  }
}

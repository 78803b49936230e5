package io.shardstream.queryapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /openapi.json}: the hand-written OpenAPI 3.1 description shipped with this module, with
 * this deployment's page-size maximum filled in.
 */
final class OpenApiDocument {
  static final String RESOURCE = "openapi.json";

  private OpenApiDocument() {}

  /** The document's JSON text for a server whose {@code limit} goes up to {@code maxLimit}. */
  static String render(int maxLimit) {
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
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

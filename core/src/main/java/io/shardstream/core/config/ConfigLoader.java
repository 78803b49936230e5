package io.shardstream.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads an entity configuration from JSON and validates it, reporting every broken rule at once.
 *
 * <p>Entity Manager's own JSON configuration is accepted as is. shardstream adds, per entity,
 * {@code generated} (the generated properties the entity carries) and {@code canonicalize} (derived
 * property → source property).
 */
public final class ConfigLoader {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

  private ConfigLoader() {}

  /** Parses and validates; throws {@link ConfigValidationException} listing every error. */
  public static EntityConfig parse(String json) {
    try {
      return fromTree(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new ConfigValidationException(List.of(syntaxError(e)));
    }
  }

  /** Reads the stream (the caller owns it) then parses and validates. */
  public static EntityConfig load(InputStream json) {
    try {
      return fromTree(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new ConfigValidationException(List.of(syntaxError(e)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static EntityConfig fromTree(JsonNode root) {
    ErrorCollector errors = new ErrorCollector();
    EntityConfig config = new ConfigParser(errors).parse(root);
    if (!errors.isEmpty()) {
      throw new ConfigValidationException(errors.errors());
    }
    return config;
  }

  private static ConfigError syntaxError(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return new ConfigError(
        "$", "json-syntax", "not valid JSON" + where + ": " + e.getOriginalMessage());
  }
}

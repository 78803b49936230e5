package io.shardstream.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an entity configuration from JSON and validates it, reporting every broken rule at once.
 *
 * <p>Entity Manager's own JSON configuration is accepted as is. shardstream adds, per entity,
 * {@code generated} (the generated properties the entity carries), {@code canonicalize} (derived
 * property → source property) and the model's declarations: {@code attributes}, {@code parent},
 * {@code unique}, and its {@code plural} name ({@link #SHARDSTREAM_ENTITY_KEYS}).
 */
public final class ConfigLoader {
  /**
   * Per-entity keys shardstream adds to Entity Manager's format; Entity Manager's strict schema
   * rejects them, so whoever hands a config to Entity Manager removes these.
   */
  public static final List<String> SHARDSTREAM_ENTITY_KEYS =
      List.of("generated", "canonicalize", "attributes", "parent", "unique", "plural");

  /** Top-level keys shardstream adds to Entity Manager's format (removed the same way). */
  public static final List<String> SHARDSTREAM_TOP_KEYS = List.of("keyBinding");

  // A repeated key is a syntax error of the parser, reported with its line, column and path.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Jackson appends where an unclosed object or array began, naming its own settings. */
  private static final Pattern START_MARKER =
      Pattern.compile("\\s*\\(start marker at \\[Source: .*?; line: \\d+, column: \\d+\\]\\)");

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

  /**
   * A JSON syntax error as one config error: the path of the member being read when it happened,
   * the line and column, and the parser's own description without Jackson's internals.
   */
  private static ConfigError syntaxError(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    String path =
        e.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : "$";
    String problem = START_MARKER.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("");
    return new ConfigError(path, "json-syntax", "not valid JSON" + where + ": " + problem);
  }

  /** {@code $.entities.user.shardBumps[0]}, as {@link ConfigError} paths are written. */
  private static String path(JsonStreamContext context) {
    Deque<String> steps = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        steps.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        steps.push("." + c.getCurrentName());
      }
    }
    return "$" + String.join("", steps);
  }
}

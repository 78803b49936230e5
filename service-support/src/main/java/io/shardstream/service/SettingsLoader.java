package io.shardstream.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Builds {@link Settings} in layers, later layers winning: built-in defaults, then a settings file
 * ({@code .properties}, {@code .yaml}/{@code .yml}; nested YAML maps become dotted keys), then
 * environment variables. An environment variable overrides a key when its name is the key's {@link
 * Settings#envName}; variables for keys not known from the defaults or the file are taken too, as
 * lower-case dotted keys, so any Kafka client setting can be passed through ({@code
 * SHARDSTREAM_KAFKA_LINGER_MS} → {@code kafka.linger.ms}).
 */
public final class SettingsLoader {
  private final Map<String, String> values = new LinkedHashMap<>();

  public SettingsLoader defaults(Map<String, String> defaults) {
    values.putAll(defaults);
    return this;
  }

  public SettingsLoader file(Path file) {
    if (file == null) {
      return this;
    }
    InputFiles.requireReadable(file, "settings file");
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    try {
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        try (InputStream in = Files.newInputStream(file)) {
          flatten("", new ObjectMapper(new YAMLFactory()).readTree(in), values);
        }
      } else {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          properties.load(in);
        }
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
      }
    } catch (NoSuchFileException e) {
      throw new SettingsException("settings file not found: " + file);
    } catch (JsonProcessingException e) {
      throw new SettingsException(
          "settings file "
              + file
              + " is not valid YAML"
              + where(e)
              + ": "
              + oneLine(e.getOriginalMessage()));
    } catch (IllegalArgumentException e) {
      // Properties.load: a malformed unicode escape
      throw new SettingsException(
          "settings file " + file + " is not a valid properties file: " + e.getMessage());
    } catch (IOException e) {
      throw new SettingsException("cannot read settings file " + file + ": " + e.getMessage(), e);
    }
    return this;
  }

  public SettingsLoader environment(Map<String, String> environment) {
    Map<String, String> byEnvName = new LinkedHashMap<>();
    values.keySet().forEach(key -> byEnvName.put(Settings.envName(key), key));
    environment.forEach(
        (variable, value) -> {
          if (!variable.startsWith(Settings.ENV_PREFIX)) {
            return;
          }
          String key = byEnvName.get(variable);
          if (key == null) {
            key =
                variable
                    .substring(Settings.ENV_PREFIX.length())
                    .toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '.');
          }
          values.put(key, value);
        });
    return this;
  }

  public Settings load() {
    return new Settings(values);
  }

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /**
   * The YAML parser's own description ("mapping values are not allowed here") on one line, without
   * the excerpts of the file it adds (an {@code in 'reader', line ...} line, the line's text and a
   * caret under the column).
   */
  private static String oneLine(String message) {
    if (message == null) {
      return "cannot be parsed";
    }
    List<String> lines = message.lines().map(String::strip).toList();
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      boolean excerpt = i + 1 < lines.size() && lines.get(i + 1).equals("^");
      String line = lines.get(i);
      if (!excerpt && !line.isEmpty() && !line.equals("^") && !line.startsWith("in '")) {
        kept.add(line);
      }
    }
    return kept.isEmpty() ? message.strip() : String.join("; ", kept);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isObject()) {
      node.properties()
          .forEach(
              e ->
                  flatten(
                      prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                      e.getValue(),
                      into));
    } else if (node.isArray()) {
      StringBuilder joined = new StringBuilder();
      node.forEach(element -> joined.append(joined.isEmpty() ? "" : ",").append(element.asText()));
      into.put(prefix, joined.toString());
    } else {
      into.put(prefix, node.asText());
    }
  }
}

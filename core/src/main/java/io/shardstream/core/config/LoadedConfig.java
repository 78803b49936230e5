package io.shardstream.core.config;

import java.util.Objects;

/**
 * An entity configuration as loaded: where it came from, its JSON text (what a control record
 * stores and a replay compares) and the parsed, validated configuration. Parsed once, here; whoever
 * needs the text or the version takes them from this.
 *
 * @param source where the text came from, for messages: a file's path, "the seed configuration
 *     (...)", "the control record"
 */
public record LoadedConfig(String source, String json, EntityConfig config) {
  public LoadedConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(config, "config");
  }

  /**
   * @throws ConfigValidationException listing every broken rule
   */
  public static LoadedConfig parse(String source, String json) {
    return new LoadedConfig(source, json, ConfigLoader.parse(json));
  }

  /** The configuration's fingerprint ({@link EntityConfig#version()}). */
  public String version() {
    return config.version();
  }
}

package io.shardstream.core.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every configuration error so a user sees all of them in one run. */
final class ErrorCollector {
  private final List<ConfigError> errors = new ArrayList<>();

  void add(String path, String rule, String message) {
    errors.add(new ConfigError(path, rule, message));
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  List<ConfigError> errors() {
    return List.copyOf(errors);
  }

  static String child(String path, String key) {
    return key.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? path + "." + key : path + "['" + key + "']";
  }

  /** {@code $.generatedProperties.sharded.userHashKey}. */
  static String generatedProperty(GeneratedProperty property) {
    return "$.generatedProperties."
        + (property.sharded() ? "sharded" : "unsharded")
        + "."
        + property.name();
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }
}

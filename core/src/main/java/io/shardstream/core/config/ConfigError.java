package io.shardstream.core.config;

/**
 * One problem in a configuration.
 *
 * @param path JSON path of the offending value, e.g. {@code $.entities.user.shardBumps[1].chars}
 * @param rule short name of the rule broken, e.g. {@code range}, {@code required}
 * @param message what is wrong, in words
 */
public record ConfigError(String path, String rule, String message) {
  @Override
  public String toString() {
    return path + ": " + message + " [" + rule + "]";
  }
}

package io.shardstream.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that breaks one or more rules; carries all of them, not just the first. */
public final class ConfigValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ConfigError> errors;

  public ConfigValidationException(List<ConfigError> errors) {
    super(format(errors));
    this.errors = List.copyOf(errors);
  }

  public List<ConfigError> errors() {
    return errors;
  }

  private static String format(List<ConfigError> errors) {
    return errors.size()
        + " configuration error"
        + (errors.size() == 1 ? "" : "s")
        + ":\n"
        + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
  }
}

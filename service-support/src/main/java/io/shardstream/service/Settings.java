package io.shardstream.service;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A service's settings: dotted keys ({@code dynamodb.endpoint}) from a properties or YAML file,
 * each overridable by an environment variable ({@code SHARDSTREAM_DYNAMODB_ENDPOINT}: prefix, upper
 * case, dots and dashes as underscores). Typed reads name both the key and the variable when a
 * value is missing or malformed.
 */
public final class Settings {
  public static final String ENV_PREFIX = "SHARDSTREAM_";

  private final Map<String, String> values;

  Settings(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** Settings from explicit values only (tests, defaults). */
  public static Settings of(Map<String, String> values) {
    return new Settings(values);
  }

  /** The environment variable that overrides {@code key}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  public String get(String key, String fallback) {
    return get(key).orElse(fallback);
  }

  public String require(String key) {
    return get(key)
        .orElseThrow(
            () ->
                new SettingsException(
                    "missing setting '"
                        + key
                        + "' (or environment variable "
                        + envName(key)
                        + ")"));
  }

  public int getInt(String key, int fallback) {
    return parse(key, fallback, Integer::valueOf, "a whole number");
  }

  public boolean getBoolean(String key, boolean fallback) {
    return parse(key, fallback, Settings::parseBoolean, "true or false");
  }

  /** The boolean rule of every setting: true/yes/1 or false/no/0, any case. */
  static boolean parseBoolean(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException(text);
    };
  }

  /**
   * A duration as ISO-8601 ({@code PT5S}) or a number with a unit: {@code 250ms}, {@code 5s},
   * {@code 2m}.
   */
  public Duration getDuration(String key, Duration fallback) {
    return parse(
        key, fallback, Settings::parseDuration, "a duration such as 500ms, 5s, 2m or PT5S");
  }

  /** Every setting under {@code prefix.}, with the prefix removed (e.g. Kafka client settings). */
  public Map<String, String> withPrefix(String prefix) {
    String dotted = prefix.endsWith(".") ? prefix : prefix + ".";
    Map<String, String> under = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(dotted) && k.length() > dotted.length()) {
            under.put(k.substring(dotted.length()), v);
          }
        });
    return under;
  }

  /** All values, for diagnostics; callers must not print secrets from it. */
  public Map<String, String> asMap() {
    return values;
  }

  private <T> T parse(String key, T fallback, Function<String, T> parser, String expected) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      return parser.apply(raw.get().trim());
    } catch (RuntimeException e) {
      throw new SettingsException(
          "setting '"
              + key
              + "' ("
              + envName(key)
              + ") must be "
              + expected
              + ", got '"
              + raw.get()
              + "'");
    }
  }

  /** The duration rule of every setting: see {@link #getDuration}. */
  static Duration parseDuration(String text) {
    if (text.startsWith("P") || text.startsWith("p")) {
      return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h)?").matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(text);
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }
}

package io.shardstream.service;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One settings key, declared once: its name, default, parser, allowed values and one-line doc. The
 * environment variable ({@link #envName()}), the defaults map, the validation message and the
 * README row are all derived from this declaration.
 *
 * <p>A parser gets the trimmed value ({@code ""} when neither the default nor any source sets it)
 * and throws {@link IllegalArgumentException} for a bad one: the exception's message says what is
 * wrong, or, for settings declared with an {@code expected} text, that text is used ("must be
 * EXPECTED, got 'VALUE'").
 *
 * @param <T> the parsed value
 */
public final class Setting<T> {
  private final String key;
  private final String defaultText;
  private final String defaultDoc;
  private final Function<String, T> parser;
  private final String expected;
  private final String doc;

  /** Set for {@link #passThrough} keys: every key under this prefix, not one value. */
  private final String prefix;

  private Setting(
      String key,
      String defaultText,
      String defaultDoc,
      Function<String, T> parser,
      String expected,
      String doc,
      String prefix) {
    this.prefix = prefix;
    this.key = Objects.requireNonNull(key, "key");
    this.defaultText = Objects.requireNonNull(defaultText, "defaultText");
    this.defaultDoc = defaultDoc;
    this.parser = Objects.requireNonNull(parser, "parser");
    this.expected = expected;
    this.doc = Objects.requireNonNull(doc, "doc");
  }

  /** A key whose parser explains a bad value in its exception's message. */
  public static <T> Setting<T> of(
      String key, String defaultText, Function<String, T> parser, String doc) {
    return new Setting<>(key, defaultText, null, parser, null, doc, null);
  }

  /** Text, trimmed; {@code ""} only when the default is empty too. */
  public static Setting<String> text(String key, String defaultText, String doc) {
    return of(key, defaultText, Function.identity(), doc);
  }

  /** Text that may be unset (no default). */
  public static Setting<Optional<String>> optionalText(String key, String doc) {
    return optional(key, Function.identity(), doc);
  }

  /** A value that may be unset (no default); {@code parser} sees only non-blank values. */
  public static <T> Setting<Optional<T>> optional(
      String key, Function<String, T> parser, String doc) {
    return of(
        key, "", text -> text.isEmpty() ? Optional.empty() : Optional.of(parser.apply(text)), doc);
  }

  /** A value without a default: unset, it is a problem naming the key and its variable. */
  public static <T> Setting<T> required(String key, Function<String, T> parser, String doc) {
    return Setting.<T>of(
            key,
            "",
            text -> {
              if (text.isEmpty()) {
                throw new IllegalArgumentException("missing: set it (or its environment variable)");
              }
              return parser.apply(text);
            },
            doc)
        .defaultShownAs("required");
  }

  /** A whole number in {@code [min, max]}. */
  public static Setting<Integer> integer(
      String key, int defaultValue, int min, int max, String doc) {
    return new Setting<>(
        key,
        Integer.toString(defaultValue),
        null,
        text -> {
          int value = Integer.parseInt(text);
          if (value < min || value > max) {
            throw new IllegalArgumentException("out of range");
          }
          return value;
        },
        "a whole number between " + min + " and " + max,
        doc,
        null);
  }

  public static Setting<Boolean> bool(String key, boolean defaultValue, String doc) {
    return new Setting<>(
        key, Boolean.toString(defaultValue), null, Setting::bool, "true or false", doc, null);
  }

  /**
   * True, false or unset (the caller decides; the README says how with {@link #defaultShownAs}).
   */
  public static Setting<Optional<Boolean>> optionalBool(String key, String doc) {
    return new Setting<>(
        key,
        "",
        null,
        text -> text.isEmpty() ? Optional.empty() : Optional.of(bool(text)),
        "true or false",
        doc,
        null);
  }

  private static boolean bool(String text) {
    return Settings.parseBoolean(text);
  }

  /**
   * A duration in {@code [min, max]}: ISO-8601 ({@code PT5S}) or a number with a unit ({@code
   * 250ms}, {@code 5s}, {@code 2m}, {@code 1h}; no unit: milliseconds).
   */
  public static Setting<Duration> duration(
      String key, String defaultText, Duration min, Duration max, String doc) {
    return new Setting<>(
        key,
        defaultText,
        null,
        text -> {
          Duration value = Settings.parseDuration(text);
          if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("out of range");
          }
          return value;
        },
        "a duration between "
            + format(min)
            + " and "
            + format(max)
            + " such as 500ms, 5s, 2m or PT5S",
        doc,
        null);
  }

  /** One of {@code values} (written in lower case with dashes; {@code plain-avro}). */
  public static <E extends Enum<E>> Setting<E> choice(
      String key, E defaultValue, Class<E> type, String doc) {
    List<String> names = List.of(type.getEnumConstants()).stream().map(Setting::label).toList();
    return new Setting<>(
        key,
        label(defaultValue),
        null,
        text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_')),
        String.join(" or ", names),
        doc,
        null);
  }

  /**
   * Every key under {@code prefix.}, prefix removed, passed through to a library (Kafka's client
   * settings): documented as {@code prefix.*}, read as a map.
   */
  public static Setting<Map<String, String>> passThrough(String prefix, String doc) {
    return new Setting<>(
        prefix + ".*",
        "",
        "the client's",
        text -> {
          throw new UnsupportedOperationException("read as a map");
        },
        null,
        doc,
        prefix);
  }

  /**
   * One key per instance of something the entity configuration names (each entity's change topic,
   * {@code topics.<plural>}): documented once as {@code prefix.placeholder}, kept out of the
   * defaults like a pass-through, and read per instance by the code that knows the instances.
   */
  public static Setting<Map<String, String>> family(
      String prefix, String placeholder, String defaultDoc, String doc) {
    return new Setting<>(
        prefix + "." + placeholder,
        "",
        defaultDoc,
        text -> {
          throw new UnsupportedOperationException("read per instance");
        },
        null,
        doc,
        prefix);
  }

  /** Whether this declares every key under a prefix ({@link #passThrough}) rather than one key. */
  public boolean isPassThrough() {
    return prefix != null;
  }

  /** How an enum constant is written in settings: {@code PLAIN_AVRO} as {@code plain-avro}. */
  public static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The same key with another default (two services, one meaning, different ports). */
  public Setting<T> withDefault(String newDefault) {
    return new Setting<>(key, newDefault, defaultDoc, parser, expected, doc, prefix);
  }

  /** The same key with another doc (a service's own reading of a shared key). */
  public Setting<T> withDoc(String newDoc) {
    return new Setting<>(key, defaultText, defaultDoc, parser, expected, newDoc, prefix);
  }

  /** How the README shows the default when the value alone says too little ("AWS", "required"). */
  public Setting<T> defaultShownAs(String text) {
    return new Setting<>(key, defaultText, text, parser, expected, doc, prefix);
  }

  public String key() {
    return key;
  }

  /** The environment variable overriding this key ({@link Settings#envName}). */
  public String envName() {
    return Settings.envName(key);
  }

  /** The default as settings text; {@code ""}: unset. */
  public String defaultText() {
    return defaultText;
  }

  /** The default as the README shows it. */
  public String defaultDoc() {
    if (defaultDoc != null) {
      return defaultDoc;
    }
    return defaultText.isEmpty() ? "" : "`" + defaultText + "`";
  }

  public String doc() {
    return doc;
  }

  /** The value in {@code settings}, or the default; {@link SettingsException} names the fix. */
  @SuppressWarnings("unchecked")
  public T read(Settings settings) {
    if (prefix != null) {
      return (T) settings.withPrefix(prefix);
    }
    return parse(settings.get(key).orElse(defaultText));
  }

  /** Parses {@code raw} as this key's value. */
  public T parse(String raw) {
    try {
      return parser.apply(raw.trim());
    } catch (SettingsException e) {
      throw e;
    } catch (RuntimeException e) {
      if (expected != null) {
        throw problem("must be " + expected + ", got '" + raw + "'");
      }
      throw problem(e.getMessage());
    }
  }

  /** A problem with this key's value, named as every settings message names it. */
  public SettingsException problem(String what) {
    return new SettingsException(describe() + (what.startsWith("must ") ? " " : ": ") + what);
  }

  /** {@code setting 'key' (SHARDSTREAM_KEY)}: how every message names a key. */
  public String describe() {
    return "setting '" + key + "' (" + envName() + ")";
  }

  /**
   * A duration as a setting would be written: {@code 100ms}, {@code 5s}, {@code 2m}, {@code 1h}.
   */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  @Override
  public String toString() {
    return key;
  }
}

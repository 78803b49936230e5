package io.shardstream.queryapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The query parameters of one request, checked before anything reads them: only the route's
 * parameters, each at most once, each within its length bound. Typed reads record what is wrong
 * instead of failing at once, so a client learns about every invalid parameter in one answer
 * ({@link #throwIfInvalid()}).
 */
final class QueryParameters {
  /** Bound on every parameter value but the cursor. */
  static final int MAX_LENGTH = 256;

  /** Bound on the cursor (the cursor codec refuses longer ones too). */
  static final int MAX_CURSOR_LENGTH = 16_384;

  static final String CURSOR = "cursor";

  /** A problem lists at most this many errors: a request with 10,000 junk parameters is junk. */
  private static final int MAX_ERRORS = 20;

  private static final int MAX_NAME_SHOWN = 64;

  private final Map<String, String> values = new TreeMap<>();
  private final List<ParameterError> errors = new ArrayList<>();

  private QueryParameters() {}

  /**
   * @param raw every parameter as the request has it
   * @param allowed the route's parameters
   */
  static QueryParameters of(Map<String, List<String>> raw, Set<String> allowed) {
    QueryParameters parameters = new QueryParameters();
    Set<String> unknown = new TreeSet<>();
    raw.forEach(
        (name, given) -> {
          if (!allowed.contains(name)) {
            unknown.add(name);
          } else if (given.size() > 1) {
            parameters.error(name, "given " + given.size() + " times; give it once");
          } else {
            String value = given.isEmpty() ? "" : given.get(0);
            int max = name.equals(CURSOR) ? MAX_CURSOR_LENGTH : MAX_LENGTH;
            if (value.length() > max) {
              parameters.error(
                  name,
                  "is " + value.length() + " characters long; at most " + max + " are allowed");
            } else {
              parameters.values.put(name, value);
            }
          }
        });
    for (String name : unknown) {
      parameters.error(
          shown(name),
          "unknown parameter; this route takes "
              + (allowed.isEmpty() ? "no parameters" : String.join(", ", new TreeSet<>(allowed))));
    }
    return parameters;
  }

  /** A non-empty value; an empty one (as in {@code ?name=}) is an error. */
  Optional<String> text(String name) {
    String value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBlank()) {
      error(name, "is empty; leave the parameter out instead");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /**
   * A value turned into something by {@code parser}, which throws {@link IllegalArgumentException}
   * with a message for the client when the value is wrong.
   */
  <T> Optional<T> parsed(String name, Function<String, T> parser) {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(text.get()));
    } catch (IllegalArgumentException e) {
      error(name, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * A path parameter, checked like a query parameter (non-empty, bounded) so that its errors join
   * the same list.
   */
  Optional<String> path(String name, String value) {
    if (value == null || value.isBlank()) {
      error(name, "is empty");
      return Optional.empty();
    }
    if (value.length() > MAX_LENGTH) {
      error(
          name,
          "is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  void error(String parameter, String message) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(new ParameterError(parameter, message));
    }
  }

  boolean valid() {
    return errors.isEmpty();
  }

  void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw Problems.invalidParameters(errors);
    }
  }

  /** Parameter names are client text: cut long ones in messages. */
  private static String shown(String name) {
    return name.length() <= MAX_NAME_SHOWN ? name : name.substring(0, MAX_NAME_SHOWN) + "…";
  }
}

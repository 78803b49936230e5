package io.shardstream.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail, rendered as {@code application/problem+json}. Extension members (e.g.
 * {@code errors} listing each invalid parameter) are flattened into the JSON object.
 */
public record Problem(
    String type, String title, int status, String detail, Map<String, Object> extensions) {
  public static final String CONTENT_TYPE = "application/problem+json";

  public Problem {
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, Map.of());
  }

  public Problem with(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new Problem(type, title, status, detail, more);
  }

  /** The JSON object: standard members first, then extensions. */
  public Map<String, Object> toJson(String instance) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    json.put("title", title);
    json.put("status", status);
    if (detail != null) {
      json.put("detail", detail);
    }
    if (instance != null) {
      json.put("instance", instance);
    }
    json.putAll(extensions);
    return json;
  }
}

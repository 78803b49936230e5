package io.shardstream.core.transcode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The built-in transcodes, under the names Entity Manager's default transcodes use. */
public final class Transcodes {
  private static final Map<String, Transcode> BY_NAME =
      index(
          List.of(
              new StringTranscode(),
              new TimestampTranscode(),
              new IntTranscode(),
              new BigIntTranscode(),
              new BigInt20Transcode(),
              new Fix6Transcode(),
              new BooleanTranscode(),
              new NumberTranscode()));

  private Transcodes() {}

  public static Optional<Transcode> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The transcode named, for names already validated. */
  public static Transcode require(String name) {
    return byName(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown transcode " + name));
  }

  public static Set<String> names() {
    return BY_NAME.keySet();
  }

  private static Map<String, Transcode> index(List<Transcode> transcodes) {
    Map<String, Transcode> byName = new LinkedHashMap<>();
    transcodes.forEach(t -> byName.put(t.name(), t));
    return java.util.Collections.unmodifiableMap(byName);
  }
}

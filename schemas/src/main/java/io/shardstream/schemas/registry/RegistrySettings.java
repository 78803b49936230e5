package io.shardstream.schemas.registry;

import java.net.URI;
import java.util.Objects;

/**
 * Where the schema registry is and whether clients may register schemas themselves.
 *
 * @param apiUrl Apicurio's core v3 API, e.g. {@code http://localhost:8081/apis/registry/v3}. The
 *     Apicurio serde and {@link SchemaRegistrar} speak this API, not the Confluent-compatible one
 *     ({@code /apis/ccompat/v7}), even though the bytes they write are in the Confluent wire
 *     format.
 * @param autoRegister whether serializers register the event schemas on first use (development);
 *     when false (production) schemas must have been registered beforehand, by {@code
 *     Topics.registerSchemas}, and serializers only look them up
 */
public record RegistrySettings(URI apiUrl, boolean autoRegister) {
  static final String CORE_API_PATH = "/apis/registry/v3";

  public RegistrySettings {
    apiUrl = coreApiUrl(Objects.requireNonNull(apiUrl, "apiUrl"));
  }

  /** Registers schemas on first use: for local runs and tests. */
  public static RegistrySettings development(URI registryUrl) {
    return new RegistrySettings(registryUrl, true);
  }

  /** Only looks schemas up: they are registered by a deployment step. */
  public static RegistrySettings production(URI registryUrl) {
    return new RegistrySettings(registryUrl, false);
  }

  /**
   * Accepts the server's base URL too ({@code http://host:port}), as people usually have that one.
   */
  private static URI coreApiUrl(URI url) {
    if (url.getScheme() == null || url.getHost() == null) {
      throw new IllegalArgumentException(
          "schema registry URL must be absolute, like http://localhost:8081: " + url);
    }
    String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
    if (path.isEmpty()) {
      return url.resolve(CORE_API_PATH);
    }
    if (!path.endsWith(CORE_API_PATH)) {
      throw new IllegalArgumentException(
          "schema registry URL "
              + url
              + " is not Apicurio's core v3 API: give the"
              + " server's base URL (http://host:port) or its "
              + CORE_API_PATH
              + " API; the Confluent-compatible"
              + " /apis/ccompat/v7 API is for Confluent clients only");
    }
    return URI.create(url.getScheme() + "://" + url.getRawAuthority() + path);
  }
}

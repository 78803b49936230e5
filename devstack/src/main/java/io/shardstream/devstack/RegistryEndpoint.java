package io.shardstream.devstack;

import java.net.URI;
import java.util.Objects;

/**
 * Where clients reach the local Apicurio Registry.
 *
 * @param url the server's base URL, e.g. {@code http://localhost:8081}
 */
public record RegistryEndpoint(URI url) {

  /** Answers 200 once the registry serves requests (readiness checks of both stack modes). */
  public static final String READINESS_PATH = "/apis/registry/v3/system/info";

  public RegistryEndpoint {
    Objects.requireNonNull(url, "url");
  }

  /** The Confluent-compatible API (for Confluent-style serdes and {@code schema.registry.url}). */
  public URI ccompatUrl() {
    return url.resolve("/apis/ccompat/v7");
  }

  /** Apicurio's native v3 API (for Apicurio serdes: {@code apicurio.registry.url}). */
  public URI coreApiUrl() {
    return url.resolve("/apis/registry/v3");
  }
}

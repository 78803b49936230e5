package io.shardstream.schemas.registry;

import java.net.URI;
import java.util.Objects;

/**
 * Where the schema registry is, which API it is spoken to through, and whether clients may register
 * schemas themselves. The setting keys are declared here, once, for every service that reads them.
 *
 * @param api the REST API: Apicurio's core v3 ({@link SchemaRegistryApi#APICURIO}, the default) or
 *     the Confluent Schema Registry API ({@link SchemaRegistryApi#CONFLUENT})
 * @param apiUrl the API's URL: for Apicurio, its core v3 API ({@code
 *     http://localhost:8081/apis/registry/v3}; the server's base URL is accepted too); for
 *     Confluent, the API's root as given ({@code http://sr:8081}, or Apicurio's {@code
 *     http://host:8080/apis/ccompat/v7})
 * @param autoRegister whether serializers register the event schemas on first use (development);
 *     when false (production) schemas must have been registered beforehand, by {@code
 *     Topics.registerSchemas}, and serializers only look them up
 */
public record RegistrySettings(SchemaRegistryApi api, URI apiUrl, boolean autoRegister) {
  /** Setting key of the registry's URL. */
  public static final String URL = "registry.url";

  /** Setting key of the API ({@link SchemaRegistryApi#allowedValues()}). */
  public static final String API = "registry.api";

  /** Setting key of {@link #autoRegister()}. */
  public static final String AUTO_REGISTER = "registry.auto-register";

  /** The local stack's registry. */
  public static final String DEFAULT_URL = "http://localhost:8081";

  public RegistrySettings {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(apiUrl, "apiUrl");
    if (apiUrl.getScheme() == null || apiUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "schema registry URL must be absolute, like " + DEFAULT_URL + ": " + apiUrl);
    }
    apiUrl = api.apiUrl(apiUrl);
  }

  /** Apicurio's core API; registers schemas on first use: for local runs and tests. */
  public static RegistrySettings development(URI registryUrl) {
    return development(SchemaRegistryApi.DEFAULT, registryUrl);
  }

  /** Apicurio's core API; only looks schemas up: they are registered by a deployment step. */
  public static RegistrySettings production(URI registryUrl) {
    return production(SchemaRegistryApi.DEFAULT, registryUrl);
  }

  /** Registers schemas on first use: for local runs and tests. */
  public static RegistrySettings development(SchemaRegistryApi api, URI registryUrl) {
    return new RegistrySettings(api, registryUrl, true);
  }

  /** Only looks schemas up: they are registered by a deployment step. */
  public static RegistrySettings production(SchemaRegistryApi api, URI registryUrl) {
    return new RegistrySettings(api, registryUrl, false);
  }
}

package io.shardstream.schemas.registry;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which REST API the serdes and {@link SchemaRegistrar} speak to the schema registry. The bytes on
 * the topics are the same either way (Confluent wire format: magic byte 0, 4-byte schema id, Avro
 * binary), and on one Apicurio registry an id written through one API resolves through the other.
 */
public enum SchemaRegistryApi {
  /** Apicurio Registry's core v3 API, through Apicurio's own serde and Java SDK. */
  APICURIO("apicurio") {
    @Override
    URI apiUrl(URI url) {
      String path = trimmedPath(url);
      if (path.isEmpty()) {
        return url.resolve(APICURIO_CORE_PATH);
      }
      if (!path.endsWith(APICURIO_CORE_PATH)) {
        throw new IllegalArgumentException(
            "schema registry URL "
                + url
                + " is not Apicurio's core v3 API: give the server's base URL (http://host:port)"
                + " or its "
                + APICURIO_CORE_PATH
                + " API; for a Confluent-compatible API (Apicurio's "
                + APICURIO_CCOMPAT_PATH
                + ", Confluent Schema Registry, Karapace, Redpanda) set "
                + RegistrySettings.API
                + "="
                + CONFLUENT.key);
      }
      return withPath(url, path);
    }
  },

  /**
   * The Confluent Schema Registry REST API ({@code /subjects/...}, {@code /schemas/ids/{id}},
   * {@code /config/{subject}}): Confluent Schema Registry, Karapace, Redpanda, Apicurio's {@code
   * /apis/ccompat/v7}.
   */
  CONFLUENT("confluent") {
    @Override
    URI apiUrl(URI url) {
      String path = trimmedPath(url);
      if (path.endsWith(APICURIO_CORE_PATH) || path.endsWith("/apis/registry/v2")) {
        throw new IllegalArgumentException(
            "schema registry URL "
                + url
                + " is Apicurio's own API, not a Confluent-compatible one: give Apicurio's "
                + APICURIO_CCOMPAT_PATH
                + " API, or set "
                + RegistrySettings.API
                + "="
                + APICURIO.key);
      }
      return withPath(url, path);
    }
  };

  /** What {@link #APICURIO} appends to a server's base URL. */
  static final String APICURIO_CORE_PATH = "/apis/registry/v3";

  /** Where Apicurio serves the Confluent-compatible API. */
  public static final String APICURIO_CCOMPAT_PATH = "/apis/ccompat/v7";

  /** The API used when none is configured: what shardstream always spoke. */
  public static final SchemaRegistryApi DEFAULT = APICURIO;

  private final String key;

  SchemaRegistryApi(String key) {
    this.key = key;
  }

  /** The setting's value naming this API. */
  public String key() {
    return key;
  }

  /**
   * The API named by a setting's value ({@code apicurio} or {@code confluent}, any case).
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static SchemaRegistryApi parse(String text) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (SchemaRegistryApi api : values()) {
      if (api.key.equals(wanted)) {
        return api;
      }
    }
    throw new IllegalArgumentException("must be " + allowedValues() + ", got '" + text + "'");
  }

  /** The allowed setting values, for messages: {@code apicurio or confluent}. */
  public static String allowedValues() {
    return Arrays.stream(values()).map(SchemaRegistryApi::key).collect(Collectors.joining(" or "));
  }

  /**
   * The URL of this API on the registry at {@code url}.
   *
   * @throws IllegalArgumentException the URL is another API's
   */
  abstract URI apiUrl(URI url);

  private static String trimmedPath(URI url) {
    return url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
  }

  private static URI withPath(URI url, String path) {
    return URI.create(url.getScheme() + "://" + url.getRawAuthority() + path);
  }
}

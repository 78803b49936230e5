package io.shardstream.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where clients reach the local broker's SASL_SSL listener (SCRAM-SHA-512 over TLS), and as whom.
 *
 * @param bootstrapServers the listener's {@code host:port}
 * @param username a SCRAM user the broker knows
 * @param password its password
 * @param truststore a PKCS12 truststore holding the broker's certificate
 * @param truststorePassword the truststore's password
 */
public record SecureKafkaEndpoint(
    String bootstrapServers,
    String username,
    String password,
    Path truststore,
    String truststorePassword) {
  public static final String SECURITY_PROTOCOL = "SASL_SSL";
  public static final String SASL_MECHANISM = "SCRAM-SHA-512";

  public SecureKafkaEndpoint {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(truststore, "truststore");
    Objects.requireNonNull(truststorePassword, "truststorePassword");
  }

  /**
   * The Kafka client settings that reach this listener ({@code bootstrap.servers}, {@code
   * security.protocol}, {@code sasl.*}, {@code ssl.truststore.*}); a service takes each with the
   * {@code kafka.} prefix.
   */
  public Map<String, String> clientSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("bootstrap.servers", bootstrapServers);
    settings.put("security.protocol", SECURITY_PROTOCOL);
    settings.put("sasl.mechanism", SASL_MECHANISM);
    settings.put("sasl.jaas.config", jaasConfig(username, password));
    settings.put("ssl.truststore.location", truststore.toString());
    settings.put("ssl.truststore.password", truststorePassword);
    settings.put("ssl.truststore.type", TlsMaterial.STORE_TYPE);
    return settings;
  }

  /** The same listener and user with another password (to show a wrong one is refused). */
  public SecureKafkaEndpoint withPassword(String otherPassword) {
    return new SecureKafkaEndpoint(
        bootstrapServers, username, otherPassword, truststore, truststorePassword);
  }

  /** The JAAS line of a SCRAM client; quotes in the values are escaped. */
  static String jaasConfig(String username, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + escape(username)
        + "\" password=\""
        + escape(password)
        + "\";";
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Override
  public String toString() {
    return "SecureKafkaEndpoint[" + bootstrapServers + ", user " + username + ", password ***]";
  }
}

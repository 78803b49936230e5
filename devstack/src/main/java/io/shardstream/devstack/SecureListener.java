package io.shardstream.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * The broker's optional SASL_SSL listener: SCRAM-SHA-512 over TLS, as a secured production cluster
 * offers it. The plaintext listener stays for inter-broker traffic (and the controller keeps its
 * own), so only clients that are pointed at this listener use TLS and SCRAM.
 *
 * <p>The TLS material ({@link TlsMaterial}) and one SCRAM user with a random password are made at
 * every start; the user is created through the Admin API ({@code alterUserScramCredentials}) on the
 * plaintext listener once the broker runs, as an operator would create one.
 */
final class SecureListener {
  private static final String USER = "shardstream";
  private static final int SCRAM_ITERATIONS = 4096;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final TlsMaterial tls;
  private final String password;

  private SecureListener(String name, TlsMaterial tls, String password) {
    this.name = name;
    this.tls = tls;
    this.password = password;
  }

  /**
   * New TLS material in a folder of its own under {@code parent} (two stacks on one data folder do
   * not share it; {@link #close} deletes it) and a new password.
   */
  static SecureListener create(String listenerName, Path parent) throws IOException {
    Files.createDirectories(parent);
    Path directory = Files.createTempDirectory(parent, "kafka-tls-");
    byte[] secret = new byte[18];
    new SecureRandom().nextBytes(secret);
    return new SecureListener(
        listenerName, TlsMaterial.generate(directory), HexFormat.of().formatHex(secret));
  }

  /** Deletes the TLS material (the broker has stopped). */
  void close() throws IOException {
    Path directory = tls.keystore().getParent();
    for (Path file : List.of(tls.keystore(), tls.truststore())) {
      Files.deleteIfExists(file);
    }
    try (var rest = Files.list(directory)) {
      for (Path file : rest.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(directory);
  }

  /** The listener's own broker settings ({@code listener.name.<name>.*}). */
  Map<String, String> brokerProperties() {
    String prefix = "listener.name." + name.toLowerCase(Locale.ROOT) + ".";
    String mechanism = SecureKafkaEndpoint.SASL_MECHANISM;
    Map<String, String> props = new TreeMap<>();
    props.put(prefix + "sasl.enabled.mechanisms", mechanism);
    props.put(
        prefix + mechanism.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    props.put(prefix + "ssl.keystore.location", tls.keystore().toString());
    props.put(prefix + "ssl.keystore.password", tls.password());
    props.put(prefix + "ssl.key.password", tls.password());
    props.put(prefix + "ssl.keystore.type", TlsMaterial.STORE_TYPE);
    return props;
  }

  /**
   * Creates the SCRAM user through {@code plaintext}, then waits until a client authenticates on
   * the listener at {@code bootstrapServers} (the credential reaches the broker through the
   * metadata log, a moment after the Admin call returns).
   */
  SecureKafkaEndpoint open(KafkaEndpoint plaintext, String bootstrapServers)
      throws InterruptedException, ExecutionException, TimeoutException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", plaintext.bootstrapServers()))) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      USER,
                      new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                      password)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    SecureKafkaEndpoint endpoint =
        new SecureKafkaEndpoint(bootstrapServers, USER, password, tls.truststore(), tls.password());
    awaitAuthentication(endpoint);
    return endpoint;
  }

  private static void awaitAuthentication(SecureKafkaEndpoint endpoint)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    Map<String, Object> settings = Map.copyOf(endpoint.clientSettings());
    while (true) {
      try (Admin admin = Admin.create(settings)) {
        admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof SaslAuthenticationException)
            || System.nanoTime() > deadline) {
          throw e;
        }
      }
      Thread.sleep(100);
    }
  }
}

package io.shardstream.service;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The key and certificate an HTTP server serves HTTPS with ({@code https.keystore}, {@code
 * https.keystore.password}), checked when the settings are read: a missing file, a wrong password
 * or a store without a key is a settings problem naming the key, not a stack trace at start.
 *
 * @param path a PKCS12 keystore
 * @param password its password, which is also the key's (as {@code keytool} and {@code openssl
 *     pkcs12 -export} write PKCS12 stores)
 */
public record HttpsKeystore(Path path, String password) {
  public static final String TYPE = "PKCS12";

  /**
   * The keystore the settings name, or empty for plain HTTP; a problem is recorded on {@code
   * check}.
   */
  public static Optional<HttpsKeystore> read(SettingsCheck check) {
    Optional<Path> path = check.get(CommonSettings.HTTPS_KEYSTORE);
    Optional<String> password = check.get(CommonSettings.HTTPS_KEYSTORE_PASSWORD);
    if (path == null || password == null || path.isEmpty()) {
      return Optional.empty();
    }
    if (password.isEmpty()) {
      check.problem(
          CommonSettings.HTTPS_KEYSTORE_PASSWORD,
          "missing: https.keystore is set, so give the keystore's password");
      return Optional.empty();
    }
    HttpsKeystore keystore = new HttpsKeystore(path.get(), password.get());
    return keystore.problem(check) ? Optional.empty() : Optional.of(keystore);
  }

  /** Loads the store once; records what is wrong with it and returns true, or returns false. */
  private boolean problem(SettingsCheck check) {
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      check.problem(CommonSettings.HTTPS_KEYSTORE, "no readable file at " + path.toAbsolutePath());
      return true;
    }
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore store = KeyStore.getInstance(TYPE);
      store.load(in, password.toCharArray());
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          return false;
        }
      }
      check.problem(
          CommonSettings.HTTPS_KEYSTORE,
          path + " holds no private key: it must hold the server's key and certificate");
      return true;
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        check.problem(
            CommonSettings.HTTPS_KEYSTORE_PASSWORD,
            "it does not open " + path + ": wrong password");
      } else {
        check.problem(
            CommonSettings.HTTPS_KEYSTORE,
            path + " is not a PKCS12 keystore this password opens (" + e.getMessage() + ")");
      }
      return true;
    } catch (GeneralSecurityException e) {
      check.problem(
          CommonSettings.HTTPS_KEYSTORE, path + " cannot be read as PKCS12: " + e.getMessage());
      return true;
    }
  }

  /**
   * Makes the server listen with TLS only, on {@code host:port} (0: a free port): Javalin adds no
   * plain HTTP connector next to one given through its public {@code jetty.addConnector}.
   */
  public void install(JavalinConfig config, String host, int port) {
    config.jetty.addConnector(
        (server, httpConfiguration) -> {
          SslContextFactory.Server tls = new SslContextFactory.Server();
          tls.setKeyStorePath(path.toAbsolutePath().toString());
          tls.setKeyStorePassword(password);
          tls.setKeyStoreType(TYPE);
          HttpConfiguration https = new HttpConfiguration(httpConfiguration);
          https.addCustomizer(new SecureRequestCustomizer());
          ServerConnector connector =
              new ServerConnector(
                  server,
                  new SslConnectionFactory(tls, "http/1.1"),
                  new HttpConnectionFactory(https));
          connector.setHost(host);
          connector.setPort(port);
          return connector;
        });
  }

  @Override
  public String toString() {
    return "HttpsKeystore[" + path + ", password ***]";
  }
}

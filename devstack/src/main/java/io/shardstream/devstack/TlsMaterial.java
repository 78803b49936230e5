package io.shardstream.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * TLS material for local servers, made at run time: a PKCS12 keystore holding a new self-signed
 * certificate for {@code localhost} / {@code 127.0.0.1} and its key, and a PKCS12 truststore
 * holding that certificate for clients. Made by the JDK's own {@code keytool} (no library on any
 * class path); nothing is ever checked in, and every call makes a new key pair and password.
 *
 * @param keystore the server's key and certificate (PKCS12)
 * @param truststore the certificate alone, for clients (PKCS12)
 * @param password the password of both stores (and of the key)
 */
public record TlsMaterial(Path keystore, Path truststore, String password) {
  public static final String STORE_TYPE = "PKCS12";
  private static final String ALIAS = "localhost";

  @Override
  public String toString() {
    return "TlsMaterial[" + keystore + ", " + truststore + ", password ***]";
  }

  /** New material in {@code directory} (created if missing; existing stores there are replaced). */
  public static TlsMaterial generate(Path directory) {
    try {
      Files.createDirectories(directory);
      Path keystore = directory.resolve("server.p12");
      Path certificate = directory.resolve("server.crt");
      Path truststore = directory.resolve("truststore.p12");
      for (Path old : List.of(keystore, certificate, truststore)) {
        Files.deleteIfExists(old);
      }
      byte[] secret = new byte[18];
      new SecureRandom().nextBytes(secret);
      String password = HexFormat.of().formatHex(secret);
      keytool(
          "-genkeypair",
          "-alias",
          ALIAS,
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=localhost, O=shardstream devstack",
          "-ext",
          "SAN=dns:localhost,ip:127.0.0.1",
          "-validity",
          "30",
          store(keystore, password));
      keytool(
          "-exportcert",
          "-alias",
          ALIAS,
          "-rfc",
          "-file",
          certificate.toString(),
          store(keystore, password));
      keytool(
          "-importcert",
          "-noprompt",
          "-alias",
          ALIAS,
          "-file",
          certificate.toString(),
          store(truststore, password));
      return new TlsMaterial(keystore, truststore, password);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write TLS material to " + directory + ": " + e, e);
    }
  }

  /** The options naming a PKCS12 store and its password. */
  private static List<String> store(Path file, String password) {
    return List.of("-keystore", file.toString(), "-storetype", STORE_TYPE, "-storepass", password);
  }

  /**
   * Runs this JVM's {@code keytool} with {@code arguments}, then {@code store}'s; its output goes
   * to the exception when it fails.
   */
  private static void keytool(Object... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.add("-J-XX:TieredStopAtLevel=1");
    for (Object argument : arguments) {
      if (argument instanceof List<?> list) {
        list.forEach(item -> command.add(item.toString()));
      } else {
        command.add(argument.toString());
      }
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "keytool " + arguments[0] + " failed: " + output.strip().replace('\n', ' '));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }
}

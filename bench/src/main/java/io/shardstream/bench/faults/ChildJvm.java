package io.shardstream.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A part run as a JVM of its own on this JVM's class path (so that it can be SIGKILLed apart from
 * the rest), with a small heap, its output in a log file, and no {@code SHARDSTREAM_*} variable of
 * the caller's shell: its arguments alone decide.
 */
final class ChildJvm {
  private ChildJvm() {}

  static Process start(String what, Path log, Class<?> main, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-cp"));
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("SHARDSTREAM_"));
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + what + "'s process", e);
    }
  }

  /** SIGKILL; returns once the process is gone. */
  static void kill(String what, Process process) {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(what + "'s process survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A loopback port free now, for a child that must keep it across restarts. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A settings file as the services read it (properties; empty values left out). */
  static void writeSettings(Path file, Map<String, String> values) {
    Properties properties = new Properties();
    values.forEach(
        (key, value) -> {
          if (!value.isEmpty()) {
            properties.setProperty(key, value);
          }
        });
    try {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        properties.store(out, "bench faults");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}

package io.shardstream.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pid files that let a later start end registries left behind. A JVM killed outright (kill -9, a
 * crash, a test run timed out) cannot run its shutdown hook, and its registry child would live on.
 * Each file {@code registry-<port>.pid} holds the registry's pid and the pid of the JVM that
 * started it; a registry whose starter is gone is ended.
 */
final class RegistryPidFiles {

  private static final Logger log = LoggerFactory.getLogger(RegistryPidFiles.class);
  private static final String PATTERN = "registry-\\d+\\.pid";

  private RegistryPidFiles() {}

  static Path write(Path registryDirectory, int port, long registryPid) throws IOException {
    Path pidFile = registryDirectory.resolve("registry-" + port + ".pid");
    Files.writeString(
        pidFile, registryPid + " " + ProcessHandle.current().pid(), StandardCharsets.US_ASCII);
    return pidFile;
  }

  /** Ends registries recorded under {@code registryDirectory} whose starting JVM no longer runs. */
  static void endOrphans(Path registryDirectory) {
    if (!Files.isDirectory(registryDirectory)) {
      return;
    }
    try (Stream<Path> files = Files.list(registryDirectory)) {
      files
          .filter(f -> f.getFileName().toString().matches(PATTERN))
          .forEach(RegistryPidFiles::endIfOrphaned);
    } catch (IOException e) {
      log.debug("cannot scan {} for orphaned registries", registryDirectory, e);
    }
  }

  private static void endIfOrphaned(Path pidFile) {
    try {
      String[] pids = Files.readString(pidFile, StandardCharsets.US_ASCII).trim().split("\\s+");
      long registry = Long.parseLong(pids[0]);
      long starter = Long.parseLong(pids[1]);
      if (isAlive(starter)) {
        return; // a running stack's registry
      }
      ProcessHandle.of(registry)
          .filter(ProcessHandle::isAlive)
          .filter(RegistryPidFiles::looksLikeRegistry)
          .ifPresent(
              orphan -> {
                log.warn(
                    "ending Apicurio Registry pid {}, left running by JVM {} which is gone",
                    orphan.pid(),
                    starter);
                ChildProcess.destroyTree(orphan);
              });
      Files.deleteIfExists(pidFile);
    } catch (IOException | RuntimeException e) {
      log.debug("ignoring unreadable pid file {}", pidFile, e);
    }
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The pid may have been reused by an unrelated process since the file was written. */
  private static boolean looksLikeRegistry(ProcessHandle handle) {
    ProcessHandle.Info info = handle.info();
    return info.commandLine()
        .map(line -> line.contains("quarkus-run.jar"))
        .orElseGet(() -> info.command().map(command -> command.contains("java")).orElse(false));
  }
}

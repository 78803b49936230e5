package io.shardstream.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process whose output goes to a log file and whose whole process tree is ended on stop.
 */
final class ChildProcess {

  private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
  private static final long GRACE_SECONDS = 10;

  private final Process process;
  private final Path logFile;

  private ChildProcess(Process process, Path logFile) {
    this.process = process;
    this.logFile = logFile;
  }

  static ChildProcess start(List<String> command, Path workingDirectory, Path logFile)
      throws IOException {
    Process process =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
            .start();
    return new ChildProcess(process, logFile);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitValue() {
    return process.exitValue();
  }

  Path logFile() {
    return logFile;
  }

  /** Asks the tree to terminate (SIGTERM: Quarkus shuts down gracefully), then forces it. */
  void stop() {
    destroyTree(process.toHandle());
  }

  static void destroyTree(ProcessHandle root) {
    List<ProcessHandle> descendants = root.descendants().toList();
    root.destroy();
    descendants.forEach(ProcessHandle::destroy);
    try {
      root.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("process {} did not exit within {} s; killing it", root.pid(), GRACE_SECONDS);
    }
    root.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}

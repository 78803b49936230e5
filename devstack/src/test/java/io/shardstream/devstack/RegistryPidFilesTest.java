package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stand-in registries are {@code sh} processes whose command line names quarkus-run.jar (the
 * trailing {@code ; true} keeps the shell from replacing itself with {@code sleep}).
 */
class RegistryPidFilesTest {

  @TempDir Path registryDirectory;

  private Process standIn;

  @AfterEach
  void endStandIn() {
    if (standIn != null) {
      standIn.descendants().forEach(ProcessHandle::destroyForcibly); // the shell's sleep
      standIn.destroyForcibly();
    }
  }

  @Test
  void endsARegistryWhoseStartingJvmIsGone() throws Exception {
    standIn = new ProcessBuilder("sh", "-c", "sleep 60; true", "quarkus-run.jar").start();
    Path pidFile = registryDirectory.resolve("registry-8081.pid");
    Files.writeString(pidFile, standIn.pid() + " " + deadPid());

    RegistryPidFiles.endOrphans(registryDirectory);

    assertThat(standIn.waitFor(10, TimeUnit.SECONDS)).as("orphan ended").isTrue();
    assertThat(pidFile).doesNotExist();
  }

  @Test
  void leavesTheRegistryOfALiveJvmAlone() throws Exception {
    standIn = new ProcessBuilder("sh", "-c", "sleep 60; true", "quarkus-run.jar").start();
    Path pidFile = RegistryPidFiles.write(registryDirectory, 8081, standIn.pid());

    RegistryPidFiles.endOrphans(registryDirectory);

    assertThat(standIn.isAlive()).isTrue();
    assertThat(pidFile).exists();
  }

  @Test
  void leavesAnUnrelatedProcessThatReusedThePidAlone() throws Exception {
    standIn = new ProcessBuilder("sleep", "60").start();
    Files.writeString(
        registryDirectory.resolve("registry-8081.pid"), standIn.pid() + " " + deadPid());

    RegistryPidFiles.endOrphans(registryDirectory);

    assertThat(standIn.isAlive()).isTrue();
  }

  /**
   * The pid of a process that has exited (reuse within the test's milliseconds is not a concern).
   */
  private static long deadPid() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    return done.pid();
  }
}

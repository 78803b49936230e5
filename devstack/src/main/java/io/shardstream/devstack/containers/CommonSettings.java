package io.shardstream.devstack.containers;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.shardstream.devstack.Component;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;

/** What every devstack container shares, whatever runs in it. */
final class CommonSettings {

  /** Start-up on a busy 2-core machine: the registry (Quarkus) takes the longest. */
  static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  private static final String LOOPBACK = "127.0.0.1";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private CommonSettings() {}

  /**
   * Never pulls (the images are local; a pull would wait on an unreachable registry); names the
   * container after the component and this JVM, so {@code docker ps} shows whose it is; publishes
   * its ports on loopback only, on free ports the engine picks; sends its output to the logger
   * {@code io.shardstream.devstack.containers.output.<component>} at DEBUG (Testcontainers logs it
   * at ERROR when a start fails).
   */
  static void apply(GenericContainer<?> container, Component component) {
    Logger output =
        LoggerFactory.getLogger(
            CommonSettings.class.getPackageName()
                + ".output."
                + component.name().toLowerCase(Locale.ROOT));
    String name =
        "shardstream-devstack-"
            + component.name().toLowerCase(Locale.ROOT)
            + "-"
            + ProcessHandle.current().pid()
            + "-"
            + SEQUENCE.incrementAndGet();
    container
        .withImagePullPolicy(image -> false)
        .withStartupTimeout(STARTUP_TIMEOUT)
        .withLogConsumer(frame -> output.debug("{}", frame.getUtf8StringWithoutLineEnding()))
        .withCreateContainerCmdModifier(
            create -> {
              create.withName(name);
              publishOnLoopback(create.getHostConfig());
            });
  }

  private static void publishOnLoopback(HostConfig host) {
    List<PortBinding> loopback =
        host.getPortBindings().getBindings().keySet().stream()
            .map((ExposedPort port) -> new PortBinding(Ports.Binding.bindIp(LOOPBACK), port))
            .toList();
    host.withPortBindings(loopback);
  }
}

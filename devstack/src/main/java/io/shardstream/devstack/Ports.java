package io.shardstream.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks done before anything starts, so a clash fails fast and names the component. */
final class Ports {

  private Ports() {}

  /**
   * Fails with {@link PortInUseException} when {@code port} cannot be bound. The probe binds the
   * wildcard address, which clashes with a listener on any local address.
   */
  static void requireFree(Component component, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      // Without SO_REUSEADDR a port in TIME_WAIT after a previous clean stop would count as taken.
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(port));
    } catch (BindException e) {
      throw new PortInUseException(component, port, e);
    } catch (IOException e) {
      throw new DevStackException(
          component, "cannot check port " + port + " for " + component.displayName(), e);
    }
  }

  /**
   * A port that was free a moment ago, for servers that cannot report the port they bound
   * themselves. Another process could take it in between; the window is small and such a clash
   * still surfaces as a start-up failure naming the port.
   */
  static int anyFree() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }

  /** The configured port, or a free one when the configuration says 0. */
  static int resolve(Component component, int configured) {
    if (configured == 0) {
      return anyFree();
    }
    requireFree(component, configured);
    return configured;
  }
}

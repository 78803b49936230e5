package io.shardstream.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import org.apache.kafka.server.ServerSocketFactory;

/**
 * The controller listener's socket, bound before the broker is configured. The static quorum
 * configuration ({@code controller.quorum.voters=1@localhost:<port>}) must name a concrete port,
 * and binding it here first means no other process can take that port between choosing and binding
 * it. The broker's socket server asks this factory for its sockets and gets this one for the
 * controller listener; other listeners are bound normally.
 */
final class ControllerSocket implements ServerSocketFactory, AutoCloseable {

  private final String listenerName;
  private final ServerSocketChannel channel;

  private ControllerSocket(String listenerName, ServerSocketChannel channel) {
    this.listenerName = listenerName;
    this.channel = channel;
  }

  static ControllerSocket bindAnyFreePort(String listenerName) throws IOException {
    return new ControllerSocket(
        listenerName,
        ServerSocketFactory.INSTANCE.openServerSocket(
            listenerName, new InetSocketAddress("localhost", 0), -1, -1));
  }

  int port() {
    return channel.socket().getLocalPort();
  }

  @Override
  public ServerSocketChannel openServerSocket(
      String listener, InetSocketAddress address, int backlog, int receiveBufferSize)
      throws IOException {
    if (listener.equals(listenerName) && channel.isOpen()) {
      return channel;
    }
    return ServerSocketFactory.INSTANCE.openServerSocket(
        listener, address, backlog, receiveBufferSize);
  }

  /** Closes the socket if the broker never took it (a failed start); harmless otherwise. */
  @Override
  public void close() throws IOException {
    channel.close();
  }
}

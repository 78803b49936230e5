package io.shardstream.bench.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of one server, to make that server unreachable and reachable again
 * on the same port: {@link #cut()} closes the listening socket and every open connection (clients
 * see "connection refused" and reset connections, as when the server is down), {@link #restore()}
 * listens on the same port again.
 */
final class TcpProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;
  private int port;

  private TcpProxy(InetSocketAddress target) {
    this.target = target;
  }

  /** A proxy to {@code targetPort} on loopback, listening on a free port. */
  static TcpProxy start(int targetPort) {
    TcpProxy proxy =
        new TcpProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
    proxy.listen(0);
    return proxy;
  }

  int port() {
    return port;
  }

  /** Unreachable: no listener, every connection reset. */
  synchronized void cut() {
    ServerSocket current = listener;
    listener = null;
    closeQuietly(current);
    connections.forEach(TcpProxy::closeQuietly);
    connections.clear();
  }

  /** Reachable again, on the same port. */
  synchronized void restore() {
    if (listener == null) {
      listen(port);
    }
  }

  private void listen(int wantedPort) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort));
      port = socket.getLocalPort();
      listener = socket;
      Thread.ofVirtual().name("proxy-accept-" + port).start(() -> accept(socket));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on loopback port " + wantedPort, e);
    }
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Socket server = new Socket();
        try {
          server.connect(target, 2_000);
        } catch (IOException e) {
          closeQuietly(client);
          closeQuietly(server);
          continue;
        }
        connections.add(client);
        connections.add(server);
        Thread.ofVirtual().start(() -> pump(client, server));
        Thread.ofVirtual().start(() -> pump(server, client));
      } catch (IOException e) {
        // Closed by cut() or close().
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // The other side went away, or cut() closed both.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      connections.remove(from);
      connections.remove(to);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing for good: nothing to do about it.
    }
  }

  @Override
  public void close() {
    cut();
  }
}

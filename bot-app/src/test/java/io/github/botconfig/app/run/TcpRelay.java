package io.github.botconfig.app.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Copies bytes both ways between the connections it accepts on one address and a server on
 * 127.0.0.1: how a process in a {@link NetworkNamespace} reaches a server of the test's own
 * namespace (HTTP, WebSocket, anything over TCP). It knows nothing of what it carries: a partition
 * is made by the namespace's link, not here. Thread-safe.
 */
final class TcpRelay implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private TcpRelay(ServerSocket server, int targetPort) {
    this.server = server;
    this.targetPort = targetPort;
  }

  /** Relays a free port of {@code address} to port {@code targetPort} of 127.0.0.1. */
  static TcpRelay start(String address, int targetPort) {
    try {
      ServerSocket server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
      TcpRelay relay = new TcpRelay(server, targetPort);
      daemon("relay-accept-" + server.getLocalPort(), relay::acceptAll).start();
      return relay;
    } catch (IOException e) {
      throw new UncheckedIOException("could not relay " + address + " to port " + targetPort, e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(target);
        daemon("relay-in", () -> pump(client, target)).start();
        daemon("relay-out", () -> pump(target, client)).start();
      } catch (IOException e) {
        // Closed, or the target refused one connection: the client sees its connection end.
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
      // One side went away: the other side's pump ends too, as the sockets close.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing: nothing left to do with it.
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing: nothing left to do with it.
    }
    open.forEach(TcpRelay::closeQuietly);
  }
}

package io.github.botconfig.dynamodb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports of 127.0.0.1 for tests: for a server a test starts itself, or as an address where nothing
 * listens (connecting to it is refused at once). Thread-safe.
 */
public final class FreePorts {
  private FreePorts() {}

  /**
   * A port of 127.0.0.1 that is free now. It may be taken again before it is used: a server that
   * cannot bind it should pick again; as an address nothing listens on, it is refused at once.
   *
   * @throws java.io.UncheckedIOException when no port can be had
   */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}

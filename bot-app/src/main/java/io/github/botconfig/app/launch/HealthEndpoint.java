package io.github.botconfig.app.launch;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The optional HTTP endpoint that serves {@code /healthz} and {@code /metrics}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled whether the bot serves it; off by default
 * @param address where it listens; the loopback address by default, so only this machine can ask
 * @param port its TCP port; 0 picks a free one (the bot logs which)
 */
public record HealthEndpoint(boolean enabled, InetAddress address, int port) {

  public HealthEndpoint {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
  }

  /** Where to bind. */
  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(address, port);
  }
}

package io.github.botconfig.app.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace this test makes for one process, joined to the test's namespace by two veth
 * pairs — one the path to the fake Discord, one the path to the store — with loopback-range
 * addresses only (127.100.K.0/29 and 127.100.K.8/29, K from this JVM's pid). The process reaches
 * the servers through {@link TcpRelay}s listening on the test side of each pair; the test reaches
 * the process (its {@code /healthz}) at {@link #insideAddress()}. Taking the store pair's link down
 * cuts that path and no other: the process has no other route to the store.
 *
 * <p>127/8 is routed off the loopback interface only on the pairs' own links ({@code
 * route_localnet} on each, a /29 route in each side's local table); both go with the pairs when
 * {@link #close()} deletes the namespace. Needs root and {@code ip}: {@link #whyUnavailable()} says
 * what is missing. Not thread-safe.
 */
final class NetworkNamespace implements AutoCloseable {
  private final String ip;
  private final String name;
  private final int k;
  private final List<String> hostLinks = new ArrayList<>();

  private NetworkNamespace(String ip, int k) {
    this.ip = ip;
    this.k = k;
    this.name = "bcit" + k;
  }

  /** Why this machine cannot make one here (not root, no {@code ip}); empty when it can. */
  static Optional<String> whyUnavailable() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return Optional.of(
          "network namespaces need root (running as " + System.getProperty("user.name") + ")");
    }
    if (ipCommand().isEmpty()) {
      return Optional.of("no 'ip' command (iproute2) in /usr/sbin, /sbin, /usr/bin or /bin");
    }
    if (command("sysctl").isEmpty()) {
      return Optional.of("no 'sysctl' command (procps) in /usr/sbin, /sbin, /usr/bin or /bin");
    }
    return Optional.empty();
  }

  /** Makes the namespace and both pairs. */
  static NetworkNamespace create() throws IOException, InterruptedException {
    String ip =
        ipCommand().orElseThrow(() -> new IllegalStateException(whyUnavailable().orElse("no ip")));
    long pid = ProcessHandle.current().pid();
    NetworkNamespace ns = null;
    for (int attempt = 0; ns == null; attempt++) {
      NetworkNamespace candidate = new NetworkNamespace(ip, (int) ((pid + attempt) % 250) + 1);
      try {
        candidate.run("netns", "add", candidate.name);
        ns = candidate;
      } catch (IOException e) {
        if (attempt == 3) {
          throw e; // not a name another run holds: this machine cannot make namespaces
        }
      }
    }
    try {
      ns.pair("d", 0);
      ns.pair("s", 8);
      ns.inside("link", "set", "lo", "up");
      return ns;
    } catch (IOException | InterruptedException | RuntimeException e) {
      ns.close();
      throw e;
    }
  }

  /** One veth pair on 127.100.K.{base}/29: .base+1 on the test's side, .base+6 inside. */
  private void pair(String what, int base) throws IOException, InterruptedException {
    String host = "bc" + what + k + "h";
    String peer = "bc" + what + k + "n";
    String subnet = prefix() + base + "/29";
    run("link", "add", host, "type", "veth", "peer", "name", peer);
    hostLinks.add(host);
    run("link", "set", peer, "netns", name);
    run("addr", "add", prefix() + (base + 1) + "/29", "dev", host);
    sysctl(List.of(), host);
    run("link", "set", host, "up");
    // Without this route the whole of 127/8 is local: packets to the other side would stay here.
    run("route", "add", subnet, "dev", host, "table", "local");
    inside("addr", "add", prefix() + (base + 6) + "/29", "dev", peer);
    sysctl(List.of(ip, "netns", "exec", name), peer);
    inside("link", "set", peer, "up");
    inside("route", "add", subnet, "dev", peer, "table", "local");
  }

  private String prefix() {
    return "127.100." + k + ".";
  }

  /** Where a relay to the fake Discord listens: the test's side of the first pair. */
  String discordSide() {
    return prefix() + 1;
  }

  /** Where a relay to the store listens: the test's side of the second pair. */
  String storeSide() {
    return prefix() + 9;
  }

  /** The process's own address, inside: where its {@code /healthz} listens. */
  String insideAddress() {
    return prefix() + 6;
  }

  /** What runs a command inside: {@code ip netns exec <name>}. */
  List<String> commandPrefix() {
    return List.of(ip, "netns", "exec", name);
  }

  /** Takes the store pair's link down: packets either way are dropped. */
  void cutStorePath() throws IOException, InterruptedException {
    run("link", "set", hostLinks.get(1), "down");
  }

  void healStorePath() throws IOException, InterruptedException {
    run("link", "set", hostLinks.get(1), "up");
  }

  private void inside(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("netns", "exec", name, ip));
    command.addAll(List.of(args));
    run(command.toArray(String[]::new));
  }

  /** Lets the link carry 127/8 (off lo, the kernel drops such packets as martians). */
  private static void sysctl(List<String> prefix, String link)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(
        List.of(
            NetworkNamespace.command("sysctl").orElse("sysctl"),
            "-qw",
            "net.ipv4.conf." + link + ".route_localnet=1"));
    exec(command);
  }

  private void run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ip));
    command.addAll(List.of(args));
    exec(command);
  }

  private static void exec(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output.strip());
    }
  }

  private static Optional<String> ipCommand() {
    return command("ip");
  }

  private static Optional<String> command(String name) {
    for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }

  /** Deletes the namespace (its ends of the pairs, and so the pairs) and any pair left over. */
  @Override
  public void close() {
    try {
      run("netns", "del", name);
      for (String host : hostLinks) {
        try {
          run("link", "del", host);
        } catch (IOException e) {
          // Gone with its peer, as it should be.
        }
      }
    } catch (IOException e) {
      // Already gone.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

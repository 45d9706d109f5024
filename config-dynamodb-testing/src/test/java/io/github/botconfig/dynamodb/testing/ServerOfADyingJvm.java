package io.github.botconfig.dynamodb.testing;

import java.io.IOException;

/**
 * A JVM that starts a server, says which processes it runs as, then waits to be killed — so a test
 * can kill it outright and check that the server went with it.
 */
final class ServerOfADyingJvm {
  private ServerOfADyingJvm() {}

  public static void main(String[] args) throws IOException {
    LocalDynamoDb server =
        args[0].equals("moto") ? LocalDynamoDb.startMoto() : LocalDynamoDb.startDynalite();
    StringBuilder pids = new StringBuilder("PIDS");
    server.processes().forEach(process -> pids.append(' ').append(process.pid()));
    System.out.println(pids);
    System.out.flush();
    while (System.in.read() >= 0) {
      // Waits for its end.
    }
  }
}

package io.github.botconfig.app.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.botconfig.app.wiring.AppComponent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code botconfig training}: runs the common commands once, in this JVM, against a stand-in
 * DynamoDB on 127.0.0.1 that answers every request with a small fixed reply. The build runs it
 * under {@code -XX:ArchiveClassesAtExit} (Java 17) or {@code -XX:AOTCacheOutput} (the
 * distribution's newer runtime), so the archive holds the classes real commands load, the AWS SDK's
 * included, without a database or a network. Hidden: it is a build step, not a command.
 */
@Command(
    name = "training",
    hidden = true,
    description = "Run the common commands once against a stand-in DynamoDB (a build step).",
    mixinStandardHelpOptions = true)
final class TrainingCommand implements Callable<Integer> {
  private static final String TABLE = "botconfig-training";
  private static final String DESCRIBE =
      "{\"Table\":{\"TableName\":\""
          + TABLE
          + "\",\"TableStatus\":\"ACTIVE\",\"KeySchema\":[{\"AttributeName\":\"PK\",\"KeyType\":"
          + "\"HASH\"},{\"AttributeName\":\"SK\",\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":"
          + "[{\"AttributeName\":\"PK\",\"AttributeType\":\"S\"},{\"AttributeName\":\"SK\","
          + "\"AttributeType\":\"S\"},{\"AttributeName\":\"GSI_PK\",\"AttributeType\":\"S\"},"
          + "{\"AttributeName\":\"GSI_SK\",\"AttributeType\":\"S\"}],\"GlobalSecondaryIndexes\":"
          + "[{\"IndexName\":\"ChannelIndex\",\"IndexStatus\":\"ACTIVE\",\"KeySchema\":"
          + "[{\"AttributeName\":\"GSI_PK\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"GSI_SK\","
          + "\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]}}";
  private static final String CHANNEL =
      "{\"PK\":{\"S\":\"GUILD#1\"},\"SK\":{\"S\":\"CHANNEL#10\"},\"Type\":{\"S\":\"channel_config\"},"
          + "\"GSI_PK\":{\"S\":\"CHANNEL#10\"},\"GSI_SK\":{\"S\":\"GUILD#1\"},\"image\":{\"BOOL\":true},"
          + "\"threshold\":{\"N\":\"5\"},\"version\":{\"N\":\"1\"},\"createdAt\":{\"N\":\"1\"},"
          + "\"updatedAt\":{\"N\":\"1\"}}";
  // Real replies carry the consumed capacity the store asks for: its classes are trained too.
  private static final String CAPACITY =
      "\"ConsumedCapacity\":{\"TableName\":\"" + TABLE + "\",\"CapacityUnits\":0.5}";
  private static final String ITEMS =
      "{\"Count\":1,\"ScannedCount\":1,\"Items\":[" + CHANNEL + "]," + CAPACITY + "}";

  @Override
  public Integer call() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", TrainingCommand::answer);
    server.start();
    try {
      String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
      List<List<String>> commands =
          List.of(
              List.of("--help"),
              List.of("channels", "list"),
              List.of("channels", "list", "--json"),
              List.of("channels", "show", "--channel", "10"),
              List.of("settings", "show", "--guild", "1"),
              List.of("table", "verify"),
              List.of("doctor"),
              List.of("channels", "show", "--channel", "12a"));
      PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
      for (List<String> command : commands) {
        List<String> args = new ArrayList<>(List.of("--endpoint", endpoint, "--table", TABLE));
        args.addAll(command);
        BotConfigCli.run(
            args.toArray(String[]::new), Map.of(), AppComponent::create, nowhere, nowhere);
      }
    } finally {
      server.stop(0);
    }
    return ExitCodes.OK;
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    exchange.getRequestBody().readAllBytes();
    String operation = target.substring(target.indexOf('.') + 1);
    String body =
        switch (operation) {
          case "DescribeTable" -> DESCRIBE;
          case "Scan", "Query" -> ITEMS;
          case "GetItem" -> "{\"Item\":" + CHANNEL + "," + CAPACITY + "}";
          default -> "{}";
        };
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}

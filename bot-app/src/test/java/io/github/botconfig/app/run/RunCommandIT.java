package io.github.botconfig.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.bot.testing.RestCall;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole bot as it is deployed: {@code botconfig run} in its own process, on dynalite and a
 * local fake Discord, with its health endpoint on 127.0.0.1, stopped by SIGTERM.
 */
class RunCommandIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String TOKEN =
      "MTE4MDU4NjQxMjQzNDgxNzAyNA.GabcDE.the-secret-part-of-the-token";
  private static final long GUILD = 1_100_000_000_000_000_000L;
  private static final long REPORTS = 1_100_000_000_000_000_010L;
  private static final long TRADERS = 1_100_000_000_000_000_021L;
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private FakeDiscord discord;
  private DynamoDbConfigStore store;
  private final Map<String, String> environment = new HashMap<>();

  @BeforeEach
  void discordAndTable() throws Exception {
    discord = FakeDiscord.start();
    discord.guild(GUILD, "Trading").textChannel(REPORTS, "reports");
    store = DYNAMODB.newStore(Clock.systemUTC());
    environment.put("DISCORD_TOKEN", TOKEN);
    environment.put("AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.endpoint().toString());
    environment.put("BOTCONFIG_TABLE", store.tableName());
    environment.put("BOTCONFIG_CHANGE_POLL_INTERVAL", "1s");
    environment.put("BOTCONFIG_DISCORD_REST_URL", discord.restConfig().getBaseUrl());
    environment.put("BOTCONFIG_DISCORD_GATEWAY_URL", discord.gatewayUrl());
    environment.put("BOTCONFIG_HEALTH_ENABLED", "true");
    environment.put("BOTCONFIG_HEALTH_PORT", "0");
  }

  @AfterEach
  void stopDiscord() throws Exception {
    discord.close();
  }

  @Test
  void runsServesReportsFollowsChangesAndStopsCleanlyOnSigterm() throws Exception {
    store.saveChannel(ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(REPORTS)));

    try (BotProcess bot = BotProcess.start(environment, "run")) {
      String health =
          bot.awaitLine(line -> line.contains("Serving /healthz and /metrics on"), LIMIT);
      String ready = bot.awaitLine(line -> line.contains("botconfig is running as"), LIMIT);
      assertThat(ready).contains("1 guilds, 1 tracked channels").contains("(shard 0 of 1)");
      HttpResponse<String> healthz =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(health.substring(health.indexOf("http://")).strip() + "/healthz"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(healthz.statusCode()).isEqualTo(200);
      assertThat(healthz.body()).contains("\"status\" : \"UP\"");

      discord.postWebhookMessage(REPORTS, "Position closed — Take profit: +12.5%");
      RestCall plain = discord.awaitRestCall("POST", "channels/" + REPORTS + "/messages");
      assertThat(plain.body().getString("content")).contains("12.5").doesNotContain("<@&");

      // A change made straight to the table (as the CLI does) reaches the running bot through the
      // change marker.
      ChannelConfig current = store.findChannel(ChannelId.of(REPORTS)).orElseThrow();
      store.saveChannel(current.withTag(Tag.role(TRADERS)).withThreshold(Threshold.percent(10)));
      RestCall mention = awaitMentionAfterChange();
      assertThat(mention.body().getString("content")).contains("<@&" + TRADERS + ">");

      int status = bot.terminate(LIMIT);

      assertThat(status).as("exit status after SIGTERM").isZero();
      assertThat(bot.output())
          .contains(
              "Stopping: Discord, then the cache's tasks, then the DynamoDB client", "Stopped");
      assertThat(bot.output()).doesNotContain(TOKEN).doesNotContain("the-secret-part");
    }
  }

  /**
   * Posts reports until one is answered with the mention the new configuration asks for (at most 10
   * s).
   */
  private RestCall awaitMentionAfterChange() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      int before = discord.restCalls().size();
      discord.postWebhookMessage(REPORTS, "Position closed — Stop loss: -15%");
      RestCall reply =
          discord.awaitRestCall(
              call ->
                  discord.restCalls().indexOf(call) >= before
                      && call.method().equals("POST")
                      && call.path().endsWith("channels/" + REPORTS + "/messages"),
              "a reply to the new report");
      if (reply.body().getString("content", "").contains("<@&")) {
        return reply;
      }
    }
    throw new AssertionError("the bot never followed the change within 10 s");
  }

  @Test
  void withoutATokenItExplainsHowToGetOneAndExitsTwo() throws Exception {
    environment.remove("DISCORD_TOKEN");

    try (BotProcess bot = BotProcess.start(environment, "run")) {
      int status = bot.awaitExit(LIMIT);

      assertThat(status).isEqualTo(2);
      assertThat(bot.output())
          .contains("discord.com/developers/applications")
          .contains("botconfig simulate");
    }
  }
}

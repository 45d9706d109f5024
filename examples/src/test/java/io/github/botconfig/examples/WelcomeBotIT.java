package io.github.botconfig.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.cache.CacheListener;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The welcome bot's own settings on a local DynamoDB, through the cache, in two processes. */
class WelcomeBotIT {
  @RegisterExtension static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.create();

  private static final GuildId GUILD = GuildId.of("1180586412434817024");
  private static final ChannelId GENERAL = ChannelId.of("1180586500000000001");

  private static DynamoDbConfigStore store(String table) {
    return DynamoDbConfigStore.builder()
        .client(DYNAMODB.client())
        .tableName(table)
        .settingsSchema(WelcomeBot.SCHEMA)
        .build();
  }

  private static ConfigCache cache(String table) {
    ConfigCache cache =
        ConfigCache.builder(store(table)).changePollInterval(Duration.ofMillis(100)).build();
    cache.start();
    return cache;
  }

  @Test
  void aGuildThatSetNothingReadsTheDefaultsAndGetsNoGreeting() {
    try (ConfigCache cache = cache(DYNAMODB.newTable())) {
      WelcomeBot bot = new WelcomeBot(cache);
      assertThat(bot.greeting(GUILD, "Ada")).isEmpty();
      assertThat(bot.slowmode(GENERAL)).isZero();
    }
  }

  @Test
  void settingsWrittenThroughOneCacheAreReadByTheNextAndASecondSameWriteWritesNothing() {
    String table = DYNAMODB.newTable();
    try (ConfigCache cache = cache(table)) {
      WelcomeBot bot = new WelcomeBot(cache);
      assertThat(bot.welcomeIn(GUILD, GENERAL)).isTrue();
      assertThat(bot.welcomeIn(GUILD, GENERAL)).as("already set: nothing written").isFalse();
      bot.speak(GUILD, "fr");
      bot.slowmode(GUILD, GENERAL, 30);
    }
    try (ConfigCache restarted = cache(table)) {
      WelcomeBot bot = new WelcomeBot(restarted);
      assertThat(bot.greeting(GUILD, "Ada")).contains("<#" + GENERAL + "> Bienvenue, Ada !");
      assertThat(bot.slowmode(GENERAL)).isEqualTo(30);
      assertThat(restarted.settingsOrDefaults(GUILD).get(WelcomeBot.WELCOME_CHANNEL))
          .isEqualTo(Optional.of(GENERAL.value()));
    }
  }

  @Test
  void aValueTheKeyRefusesIsNamedAndNothingIsWritten() {
    try (ConfigCache cache = cache(DYNAMODB.newTable())) {
      WelcomeBot bot = new WelcomeBot(cache);
      bot.slowmode(GUILD, GENERAL, 10);
      long version = cache.findChannel(GENERAL).orElseThrow().version();

      assertThatThrownBy(() -> bot.speak(GUILD, "klingon"))
          .isInstanceOf(InvalidConfigException.class)
          .hasMessage("language must be one of EN, FR, DE, got 'klingon'");
      assertThatThrownBy(() -> bot.slowmode(GUILD, GENERAL, 7))
          .isInstanceOf(InvalidConfigException.class)
          .hasMessage("slowmodeSeconds must be a multiple of 5, got '7'");
      assertThat(bot.slowmode(GENERAL)).isEqualTo(10);
      assertThat(cache.findChannel(GENERAL).orElseThrow().version()).isEqualTo(version);
      assertThat(cache.findSettings(GUILD)).isEmpty();
    }
  }

  @Test
  void aChangeMadeByAnotherProcessReachesThisOneThroughTheChangeFeed() throws Exception {
    String table = DYNAMODB.newTable();
    CompletableFuture<Long> seen = new CompletableFuture<>();
    CacheListener listener =
        new CacheListener() {
          @Override
          public void onChannelChanged(
              ChannelId channel, Optional<ChannelConfig> before, Optional<ChannelConfig> after) {
            after.ifPresent(c -> seen.complete(c.get(WelcomeBot.SLOWMODE_SECONDS)));
          }
        };
    try (ConfigCache first =
            ConfigCache.builder(store(table))
                .changePollInterval(Duration.ofMillis(100))
                .listener(listener)
                .build();
        ConfigCache second = cache(table)) {
      first.start();
      new WelcomeBot(second).slowmode(GUILD, GENERAL, 60);

      assertThat(seen.get(30, TimeUnit.SECONDS)).isEqualTo(60);
      assertThat(new WelcomeBot(first).slowmode(GENERAL)).isEqualTo(60);
    }
  }
}

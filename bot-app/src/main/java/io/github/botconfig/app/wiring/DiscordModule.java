package io.github.botconfig.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.github.botconfig.app.launch.LaunchOptions;
import io.github.botconfig.bot.DiscordBot;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.SessionController;

/**
 * How JDA is built for the bot: always through a shard manager, even for one shard, so that growing
 * past one process is a matter of options ({@code BOTCONFIG_SHARD_TOTAL}, {@code
 * BOTCONFIG_SHARDS}), not of code.
 */
@Module
interface DiscordModule {

  /**
   * The token, the intents and listeners the bot needs, its shards, and Discord's addresses when
   * overridden.
   */
  @Provides
  static DefaultShardManagerBuilder shardManagerBuilder(LaunchOptions options, DiscordBot bot) {
    String token =
        options
            .token()
            .orElseThrow(() -> new IllegalStateException("no Discord token: run checks it first"))
            .reveal();
    DefaultShardManagerBuilder builder =
        DefaultShardManagerBuilder.createLight(token, DiscordBot.intents())
            .addEventListeners(bot.listeners().toArray())
            .setEnableShutdownHook(false)
            // -1: as many as Discord's gateway/bot recommends (the ShardManager asks it at login).
            .setShardsTotal(options.sharding().total().orElse(-1));
    options.sharding().shards().ifPresent(builder::setShards);
    options
        .discordRestUrl()
        .ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url.toString())));
    // A gateway other than Discord's (a test double, a proxy) is spoken to without zlib
    // compression.
    options
        .discordGatewayUrl()
        .ifPresent(
            url ->
                builder
                    .setSessionController(gateway(url.toString()))
                    .setCompression(Compression.NONE));
    return builder;
  }

  /**
   * Sessions opened at {@code url}; the shard total and how many shards may connect at once still
   * come from the REST API's {@code gateway/bot} (at the configured REST address), as they would
   * from Discord.
   */
  private static SessionController gateway(String url) {
    return new ConcurrentSessionController() {
      @Override
      public String getGateway() {
        return url;
      }

      @Override
      public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway discord = super.getShardedGateway(api);
        return new ShardedGateway(url, discord.getShardTotal(), discord.getConcurrency());
      }
    };
  }
}

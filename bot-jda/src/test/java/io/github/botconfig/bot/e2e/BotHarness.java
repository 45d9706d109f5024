package io.github.botconfig.bot.e2e;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.DiscordBot;
import io.github.botconfig.bot.testing.EventProbe;
import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.ManualScheduler;
import io.github.botconfig.domain.testing.MutableClock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;

/**
 * The bot under test, wired as bot-app wires it: the repository, a {@link DiscordBot}, and the real
 * JDA logged in to a {@link FakeDiscord}, plus the clock, scheduler and probe the tests drive it
 * with.
 */
final class BotHarness implements AutoCloseable {
  static final long GUILD = 1_100_000_000_000_000_000L;
  static final long REPORTS = 1_100_000_000_000_000_010L;
  static final long QUIET = 1_100_000_000_000_000_011L;
  static final long CHATTER = 1_100_000_000_000_000_012L;
  static final long ADMIN_ROLE = 1_100_000_000_000_000_020L;
  static final long TRADERS_ROLE = 1_100_000_000_000_000_021L;
  static final long STAFF_ROLE = 1_100_000_000_000_000_022L;
  static final long MODS_ROLE = 1_100_000_000_000_000_023L;
  static final long ADMIN = 1_100_000_000_000_000_030L;
  static final long MEMBER = 1_100_000_000_000_000_031L;
  static final long MOD = 1_100_000_000_000_000_032L;
  static final long OTHER_GUILD = 1_200_000_000_000_000_000L;
  static final long OTHER_REPORTS = 1_200_000_000_000_000_010L;

  final FakeDiscord discord;
  final MutableClock clock;
  ManualScheduler scheduler;
  final InstrumentedConfigStore store;
  TestRepositories repositories;
  EventProbe probe = new EventProbe();
  private final BotOptions options;
  private DiscordBot bot;
  private JDA jda;
  private ShardManager shards;

  private BotHarness(FakeDiscord discord, MutableClock clock, BotOptions options) {
    this.discord = discord;
    this.clock = clock;
    this.scheduler = new ManualScheduler(clock);
    this.repositories = TestRepositories.create(clock);
    this.store = repositories.store;
    this.options = options;
  }

  /**
   * Two guilds: GUILD with channels REPORTS, QUIET and CHATTER, an admin (Manage Server through
   * ADMIN_ROLE), a plain member, a mentionable TRADERS_ROLE, a STAFF_ROLE that is not mentionable,
   * and a MOD whose MODS_ROLE has Manage Server and Mention Everyone; OTHER_GUILD with
   * OTHER_REPORTS, where ADMIN is a plain member.
   */
  static BotHarness withTwoGuilds(BotOptions options) throws IOException {
    return withTwoGuilds(options, 1);
  }

  /** As {@link #withTwoGuilds(BotOptions)}, on a fake Discord of {@code shardTotal} shards. */
  static BotHarness withTwoGuilds(BotOptions options, int shardTotal) throws IOException {
    // Messages are created at the test's clock: summaries read history by time.
    MutableClock clock = MutableClock.startingAt2026();
    FakeDiscord discord = FakeDiscord.start(clock, shardTotal);
    discord
        .guild(GUILD, "Trading")
        .textChannel(REPORTS, "reports")
        .textChannel(QUIET, "quiet")
        .textChannel(CHATTER, "chatter")
        .role(ADMIN_ROLE, "admins", Permission.MANAGE_SERVER)
        .mentionableRole(TRADERS_ROLE, "traders")
        .role(STAFF_ROLE, "staff")
        .role(MODS_ROLE, "mods", Permission.MANAGE_SERVER, Permission.MESSAGE_MENTION_EVERYONE)
        .member(ADMIN, "alice", ADMIN_ROLE)
        .member(MEMBER, "bob")
        .member(MOD, "carol", MODS_ROLE);
    discord
        .guild(OTHER_GUILD, "Elsewhere")
        .textChannel(OTHER_REPORTS, "reports")
        .member(ADMIN, "alice");
    return new BotHarness(discord, clock, options);
  }

  /** Logs the bot in and waits until every guild has arrived. */
  BotHarness connect() throws InterruptedException {
    jda = discord.jdaBuilder(DiscordBot.intents()).addEventListeners(newBotListeners()).build();
    jda.awaitReady();
    return started();
  }

  /**
   * As {@link #connect()}, through a {@link ShardManager} of one shard instead of a {@code
   * JDABuilder}.
   */
  BotHarness connectSharded() throws InterruptedException {
    return connectSharded(0);
  }

  /**
   * As {@link #connect()}, through a {@link ShardManager} that runs one shard of the fake's total,
   * as one process of a bot split over several does.
   */
  BotHarness connectSharded(int shardId) throws InterruptedException {
    shards =
        DefaultShardManagerBuilder.createLight("fake-token", DiscordBot.intents())
            .setShardsTotal(discord.shardTotal())
            .setShards(shardId)
            .setRestConfig(discord.restConfig())
            .setSessionController(discord.sessionController())
            .setCompression(Compression.NONE)
            .setRateLimitElastic(discord.requestPool(), false)
            .setCallbackPool(discord.callbackPool(), false)
            .addEventListeners(newBotListeners())
            .build();
    jda = shards.getShardById(shardId).awaitReady();
    if (shardId != 0) {
      // Only shard 0 registers the (global) commands: ready is the end of this start.
      store.resetCounts();
      return this;
    }
    return started();
  }

  /** The shard manager of {@link #connectSharded}. */
  ShardManager shards() {
    return shards;
  }

  /**
   * What the bot reads and writes: changes made here after {@link #connect()} are seen by the bot.
   */
  ConfigRepository repository() {
    return repositories.repository();
  }

  /**
   * Stops the bot as a process exit would (JDA, the bot, its cache) and starts a new one on the
   * same table and the same Discord, with the clock where it is. Tasks the old bot had scheduled
   * are dropped with it.
   */
  BotHarness restart() throws InterruptedException {
    stopBot();
    scheduler.shutdownNow();
    scheduler = new ManualScheduler(clock);
    repositories = TestRepositories.over(store, clock);
    probe = new EventProbe();
    return connect();
  }

  private Object[] newBotListeners() {
    bot =
        DiscordBot.create(
            repositories.start(),
            () -> store.delegate().loadAll().guilds(),
            clock,
            scheduler,
            options);
    repositories.notify(bot);
    List<Object> listeners = new ArrayList<>(bot.listeners());
    listeners.add(probe); // last: once it saw an event, the bot's listeners are done with it
    return listeners.toArray();
  }

  private BotHarness started() {
    // Registration is the last request of a start; once it is in, the tests start from a quiet bot.
    discord.awaitRestCall("PUT", "applications/\\d+(/guilds/\\d+)?/commands");
    store.resetCounts();
    return this;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      stopBot();
    } finally {
      discord.close();
    }
  }

  private void stopBot() throws InterruptedException {
    if (shards != null) {
      shards.shutdown();
    }
    if (jda != null) {
      jda.shutdown();
      if (!jda.awaitShutdown(10, TimeUnit.SECONDS)) {
        throw new AssertionError("JDA did not shut down within 10 s");
      }
    }
    if (bot != null) {
      bot.close();
    }
    repositories.close();
  }
}

package io.github.botconfig.bot.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.TimeUtil;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.jspecify.annotations.Nullable;

/**
 * A local Discord for end-to-end tests: REST and the gateway WebSocket on one port of 127.0.0.1,
 * served by mockwebserver3, enough for the real, unmodified JDA to log in, receive guilds, messages
 * and interactions, and make the requests a bot makes (messages, embeds, files, pins, history,
 * edits, deletions, interaction replies, command registration).
 *
 * <pre>{@code
 * try (FakeDiscord discord = FakeDiscord.start()) {
 *   discord.guild(GUILD, "Trading").textChannel(CHANNEL, "reports");
 *   JDA jda = discord.jdaBuilder(intents).addEventListeners(listeners).build().awaitReady();
 *   discord.postWebhookMessage(CHANNEL, "Take profit: +12.5%");
 *   RestCall reply = discord.awaitRestCall("POST", "channels/" + CHANNEL + "/messages");
 * }
 * }</pre>
 *
 * <p>Every channel keeps its messages (those posted to it and those the bot sent), with ids that
 * are snowflakes of their creation on the message clock ({@link #start(Clock)}): history pages
 * ({@code GET channels/{c}/messages} with {@code before}, {@code after}, {@code limit}) select by
 * time, edits and deletions of a message that is gone answer Discord's 404 "Unknown Message"
 * (10008).
 *
 * <p>It serves one shard ({@link #start()}) or several ({@link #start(int)}): each shard's gateway
 * session gets READY with only the guilds of that shard ({@code (guildId >> 22) % shardTotal},
 * Discord's rule), and every event of a guild goes to its shard's session, so two bots each running
 * some of the shards (two processes of one bot) each see only their guilds. REST and the messages
 * are shared, as Discord's are. Unknown routes answer 404 and are listed by {@link
 * #unhandledCalls()}; the fake never answers 5xx (JDA would retry). Thread-safe.
 */
public final class FakeDiscord implements AutoCloseable {
  public static final long BOT_USER_ID = 900_000_000_000_000_001L;
  public static final long APPLICATION_ID = 900_000_000_000_000_002L;
  private static final long WEBHOOK_ID = 900_000_000_000_000_003L;

  /**
   * Discord's {@code max_concurrency} for large bots: every shard of a test may identify at once.
   */
  static final int MAX_CONCURRENCY = 16;

  private final MockWebServer server = new MockWebServer();

  /**
   * Snowflakes of now: JDA refuses to answer an interaction whose id says it is older than 15
   * minutes.
   */
  private final AtomicLong ids =
      new AtomicLong(TimeUtil.getDiscordTimestamp(System.currentTimeMillis()));

  private final Map<Long, FakeGuild> guilds = new LinkedHashMap<>();
  private final Set<Long> left = new HashSet<>();
  private final Map<String, long[]> interactions = new ConcurrentHashMap<>();
  private final FakeMessages messages;
  private final FakeRest rest;
  private final int shardTotal;
  private final Map<Integer, FakeGateway> sessions = new ConcurrentHashMap<>();
  private final Set<FakeGateway> opened = ConcurrentHashMap.newKeySet();
  private volatile FakeGateway.@Nullable Refusal identifyRefusal;
  private final ExecutorService requestPool =
      Executors.newCachedThreadPool(daemon("fake-discord-bot-request"));
  private final ExecutorService callbackPool =
      Executors.newCachedThreadPool(daemon("fake-discord-bot-callback"));

  private FakeDiscord(Clock messageClock, int shardTotal) throws IOException {
    if (shardTotal < 1) {
      throw new IllegalArgumentException(
          "a fake Discord serves 1 shard or more, got " + shardTotal);
    }
    this.shardTotal = shardTotal;
    FakeGateway.Host host = new GatewayHost();
    messages = new FakeMessages(messageClock);
    rest = new FakeRest(this, ids, messages);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            try {
              if ("websocket".equalsIgnoreCase(request.getHeaders().get("Upgrade"))) {
                FakeGateway session = new FakeGateway(host);
                opened.add(session);
                return new MockResponse.Builder().webSocketUpgrade(session).build();
              }
              return rest.handle(request);
            } catch (IOException | RuntimeException e) {
              // 4xx, not 5xx: JDA retries server errors, and the test would only time out.
              return FakeRest.error(400, 0, "the fake Discord could not answer: " + e);
            }
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  /**
   * Starts a fake Discord on a free port of 127.0.0.1; messages are created at the system clock's
   * time.
   */
  public static FakeDiscord start() throws IOException {
    return start(Clock.systemUTC());
  }

  /**
   * Starts a fake Discord whose messages are created at {@code messageClock}'s time (their ids say
   * so), for tests that move time themselves. Interactions keep the real time: JDA refuses to
   * answer one older than 15 minutes.
   */
  public static FakeDiscord start(Clock messageClock) throws IOException {
    return new FakeDiscord(messageClock, 1);
  }

  /**
   * Starts a fake Discord of {@code shardTotal} shards on a free port of 127.0.0.1. Its REST {@code
   * gateway/bot} recommends that many shards (what a shard manager with an {@code auto} total
   * asks), and a session that identifies with another total is closed with 4010 (invalid shard).
   */
  public static FakeDiscord start(int shardTotal) throws IOException {
    return start(Clock.systemUTC(), shardTotal);
  }

  /**
   * Starts a fake Discord of {@code shardTotal} shards whose messages are created at {@code
   * messageClock}'s time.
   */
  public static FakeDiscord start(Clock messageClock, int shardTotal) throws IOException {
    return new FakeDiscord(messageClock, shardTotal);
  }

  /** How many shards this fake serves. */
  public int shardTotal() {
    return shardTotal;
  }

  /**
   * The shard that receives a guild's events: {@code (guildId >> 22) % shardTotal}, as Discord
   * decides.
   */
  public int shardOf(long guildId) {
    return FakeGateway.shardOf(guildId, shardTotal);
  }

  /** Adds a guild the bot is in; guilds added before the bot connects arrive with its READY. */
  public synchronized FakeGuild guild(long guildId, String name) {
    FakeGuild guild = new FakeGuild(guildId, name, BOT_USER_ID);
    guilds.put(guildId, guild);
    return guild;
  }

  /** A guild added before, to change it (before the bot connects, or before {@link #addBot}). */
  public synchronized FakeGuild guild(long guildId) {
    return guildById(guildId);
  }

  /**
   * A JDA builder (light: no member cache) pointed at this fake, with the given intents, running
   * its requests and their callbacks on {@link #requestPool()} and {@link #callbackPool()}.
   */
  public JDABuilder jdaBuilder(Collection<GatewayIntent> intents) {
    return JDABuilder.createLight("fake-token", intents)
        .setRestConfig(restConfig())
        .setSessionController(sessionController())
        .setCompression(Compression.NONE)
        .setRateLimitElastic(requestPool, false)
        .setCallbackPool(callbackPool, false);
  }

  /**
   * Where the bot's JDA should run its REST requests (a shard manager builder's {@code
   * setRateLimitElastic(pool, false)}): {@link #close()} waits for them, so no request is cut off
   * by the fake stopping.
   */
  public ExecutorService requestPool() {
    return requestPool;
  }

  /**
   * Where the bot's JDA should run request callbacks ({@code setCallbackPool(pool, false)}); see
   * {@link #requestPool()}.
   */
  public ExecutorService callbackPool() {
    return callbackPool;
  }

  /** REST pointed at this fake, for builders other than {@link #jdaBuilder} (a shard manager's). */
  public RestConfig restConfig() {
    return new RestConfig().setBaseUrl(server.url("/api/v10/").toString());
  }

  /**
   * Gateway pointed at this fake, for builders other than {@link #jdaBuilder}: it names this fake's
   * shard total (a shard manager with an {@code auto} total takes it) and lets every shard connect
   * at once.
   */
  public SessionController sessionController() {
    String url = gatewayUrl();
    return new ConcurrentSessionController() {
      @Override
      public String getGateway() {
        return url;
      }

      @Override
      public ShardedGateway getShardedGateway(JDA api) {
        return new ShardedGateway(url, shardTotal, MAX_CONCURRENCY);
      }
    };
  }

  /**
   * The gateway's address, for a bot configured by URL (REST's {@code gateway/bot} names it too).
   */
  public String gatewayUrl() {
    return "ws://127.0.0.1:" + server.getPort() + "/";
  }

  /**
   * From now on, closes every gateway session that identifies with {@code closeCode} and {@code
   * reason} instead of sending READY, as Discord does for a bot asking for intents not enabled in
   * the developer portal (4014, "Disallowed intent(s).") or with a bad token (4004).
   */
  public void refuseIdentify(int closeCode, String reason) {
    identifyRefusal = new FakeGateway.Refusal(closeCode, reason);
  }

  /** A message from a member; returns its id. */
  public long postMessage(long channelId, long authorId, String content) {
    long guildId = guildOfChannel(channelId);
    FakeGuild guild = guildById(guildId);
    DataObject message =
        DiscordJson.message(messages.nextId(), channelId, guildId, guild.user(authorId), content)
            .put("member", memberOf(guild, authorId));
    return posted(channelId, message);
  }

  /** A message posted through a webhook, as monitoring services post reports; returns its id. */
  public long postWebhookMessage(long channelId, String content) {
    return posted(channelId, webhookMessage(messages.nextId(), channelId, content));
  }

  /**
   * A webhook message created at {@code at} that the bot never received as an event: one posted
   * before it connected, or while it was down. It is in the channel's history; returns its id.
   */
  public long pastWebhookMessage(long channelId, Instant at, String content) {
    long id = messages.nextId(at);
    messages.add(channelId, webhookMessage(id, channelId, content));
    return id;
  }

  /**
   * A member's message created at {@code at} that the bot never received as an event (posted before
   * it connected); it is in the channel's history. Returns its id.
   */
  public long pastMessage(long channelId, long authorId, Instant at, String content) {
    long id = messages.nextId(at);
    long guildId = guildOfChannel(channelId);
    FakeGuild guild = guildById(guildId);
    messages.add(
        channelId,
        DiscordJson.message(id, channelId, guildId, guild.user(authorId), content)
            .put("member", memberOf(guild, authorId)));
    return id;
  }

  /** A message from the bot itself, as Discord echoes the bot's own messages; returns its id. */
  public long postOwnMessage(long channelId, String content) {
    return posted(
        channelId,
        DiscordJson.message(
            messages.nextId(), channelId, guildOfChannel(channelId), botUser(), content));
  }

  /**
   * Someone (a moderator) deletes a message: it leaves the channel's history and the bot gets
   * MESSAGE_DELETE.
   */
  public void deleteMessage(long channelId, long messageId) {
    if (!messages.delete(channelId, messageId)) {
      throw new IllegalArgumentException("channel " + channelId + " has no message " + messageId);
    }
    messageDeleted(channelId, messageId);
  }

  /**
   * The messages in a channel now (posted, sent by the bot, edited), oldest first, as Discord's
   * JSON.
   */
  public List<DataObject> messagesIn(long channelId) {
    return messages.in(channelId);
  }

  /**
   * A slash command {@code /name} run by {@code userId} in a channel; add options, then send it.
   */
  public SlashCommand slashCommand(String name, long guildId, long channelId, long userId) {
    return new SlashCommand(this, name, guildId, channelId, userId);
  }

  /**
   * A component of a message the bot sent — a button, a select menu — used by {@code userId} in a
   * channel; pick what to do with it, then send it.
   */
  public ComponentUse component(long guildId, long channelId, long userId, String customId) {
    return new ComponentUse(this, guildId, channelId, userId, customId);
  }

  /**
   * Waits for the bot's answer to a component or form: a new message, an update of the panel
   * (direct, or acknowledged then edited), or a form (modal).
   */
  public PanelReply awaitPanelReply(String token) {
    String callback = "interactions/\\d+/" + token + "/callback";
    RestCall first = rest.await(c -> c.is("POST", callback), "the answer to interaction " + token);
    int type = first.body().getInt("type");
    DataObject data = first.body().optObject("data").orElseGet(DataObject::empty);
    if (type == 6 || type == 5) { // acknowledged: the answer is the edit that follows
      RestCall edit =
          rest.await(
              c -> c.is("PATCH", "webhooks/\\d+/" + token + "/messages/@original"),
              "the edit of the acknowledged interaction " + token);
      return new PanelReply(type, edit.body());
    }
    return new PanelReply(type, data);
  }

  /** A channel is deleted. */
  public void deleteChannel(long channelId) {
    long guildId = guildOfChannel(channelId);
    DataObject json = DiscordJson.textChannel(channelId, guildId, channelName(channelId), 0);
    guildById(guildId).removeChannel(channelId);
    dispatch(guildId, "CHANNEL_DELETE", json);
  }

  /**
   * The bot is removed from a guild (kicked, or the guild deleted): a GUILD_DELETE without {@code
   * unavailable}.
   */
  public void removeBot(long guildId) {
    synchronized (this) {
      left.add(guildId); // the guild itself is kept: it may add the bot back
    }
    dispatch(guildId, "GUILD_DELETE", DataObject.empty().put("id", Long.toUnsignedString(guildId)));
  }

  /**
   * A guild becomes unavailable (a Discord outage): a GUILD_DELETE with {@code unavailable: true}.
   */
  public void outage(long guildId) {
    dispatch(
        guildId,
        "GUILD_DELETE",
        DataObject.empty().put("id", Long.toUnsignedString(guildId)).put("unavailable", true));
  }

  /** The bot is added (back) to a guild: a GUILD_CREATE after READY. */
  public void addBot(long guildId) {
    synchronized (this) {
      left.remove(guildId);
    }
    dispatch(guildId, "GUILD_CREATE", guildById(guildId).toJson());
  }

  /**
   * Gives a channel {@code count} older pins and makes it refuse pins beyond {@code limit}, as
   * Discord does.
   */
  public void preparePins(long channelId, int count, int limit) {
    rest.preparePins(channelId, count, limit, Instant.parse("2025-01-01T00:00:00Z"), null);
  }

  /**
   * As {@link #preparePins(long, int, int)}, the pinned messages posted by a member of the
   * channel's guild (a moderator's pins, not the bot's).
   */
  public void preparePinsOf(long channelId, long authorId, int count, int limit) {
    rest.preparePins(
        channelId,
        count,
        limit,
        Instant.parse("2025-01-01T00:00:00Z"),
        guildById(guildOfChannel(channelId)).user(authorId));
  }

  /**
   * Makes Discord refuse pins in a channel for a missing permission (403, code 50013), as when the
   * bot's permission was removed after its cache last saw it.
   */
  public void refusePins(long channelId) {
    rest.refusePins(channelId);
  }

  /** The ids of the messages pinned in a channel, the first pinned first. */
  public List<Long> pinnedIds(long channelId) {
    return rest.pinnedIds(channelId);
  }

  /** Every REST call made so far, in the order they arrived. */
  public List<RestCall> restCalls() {
    return rest.calls();
  }

  /** The calls this fake had no route for (answered 404). */
  public List<RestCall> unhandledCalls() {
    return rest.unhandled();
  }

  /**
   * Waits for a call to {@code method} on a path matching {@code pathPattern} (a regular
   * expression).
   */
  public RestCall awaitRestCall(String method, String pathPattern) {
    return rest.await(c -> c.is(method, pathPattern), method + " " + pathPattern);
  }

  /** Waits until {@code count} calls that {@code wanted} accepts have arrived. */
  public void awaitCount(Predicate<RestCall> wanted, int count) {
    rest.awaitCount(wanted, count, count + " matching calls");
  }

  /** Waits for a call that {@code wanted} accepts. */
  public RestCall awaitRestCall(Predicate<RestCall> wanted, String what) {
    return rest.await(wanted, what);
  }

  /**
   * Waits for the bot's answer to an interaction: a direct reply, or an acknowledgement then an
   * edit.
   */
  public InteractionReply awaitInteractionReply(String token) {
    String callback = "interactions/\\d+/" + token + "/callback";
    RestCall first = rest.await(c -> c.is("POST", callback), "the answer to interaction " + token);
    DataObject data = first.body().optObject("data").orElseGet(DataObject::empty);
    boolean ephemeral = (data.getInt("flags", 0) & 64) != 0;
    int type = first.body().getInt("type");
    if (type == 4 || type == 8) { // a message, or autocomplete choices
      return new InteractionReply(
          type == 4 ? data.getString("content", "") : data.toString(), ephemeral, 1);
    }
    RestCall edit =
        rest.await(
            c -> c.is("PATCH", "webhooks/\\d+/" + token + "/messages/@original"),
            "the edit of the acknowledged interaction " + token);
    return new InteractionReply(edit.body().getString("content", ""), ephemeral, 2);
  }

  /**
   * Stops the fake. Shut the bot's JDA down first: this then waits for the requests JDA had in
   * flight (and their callbacks) to finish, so none fails against a closed server.
   */
  @Override
  public void close() throws IOException {
    try {
      for (ExecutorService pool : List.of(requestPool, callbackPool)) {
        pool.shutdown();
        if (!pool.awaitTermination(Await.LIMIT.toSeconds(), TimeUnit.SECONDS)) {
          throw new AssertionError(
              "the bot's requests did not finish within " + Await.LIMIT.toSeconds() + " s");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      opened.forEach(FakeGateway::close);
      server.close();
    }
  }

  // ---- for the REST and gateway halves ----

  String interact(int type, long guildId, long channelId, long userId, DataObject data) {
    return interact(type, guildId, channelId, userId, data, null);
  }

  /**
   * Sends an INTERACTION_CREATE; {@code message} is the message a component was on (components
   * only: for an ephemeral one Discord sends just its id and flags, as here).
   */
  String interact(
      int type,
      long guildId,
      long channelId,
      long userId,
      DataObject data,
      @Nullable DataObject message) {
    FakeGuild guild = guildById(guildId);
    long id = ids.incrementAndGet();
    String token = "token-" + id;
    long channelGuild = guildOfChannel(channelId);
    interactions.put(token, new long[] {channelGuild, channelId});
    dispatch(
        guildId,
        "INTERACTION_CREATE",
        DataObject.empty()
            .put("id", Long.toUnsignedString(id))
            .put("application_id", Long.toUnsignedString(APPLICATION_ID))
            .put("type", type)
            .put("token", token)
            .put("version", 1)
            .put("guild_id", Long.toUnsignedString(guildId))
            .put("channel_id", Long.toUnsignedString(channelId))
            .put("channel", DiscordJson.textChannel(channelId, guildId, channelName(channelId), 0))
            .put(
                "guild",
                DataObject.empty()
                    .put("id", Long.toUnsignedString(guildId))
                    .put("features", DataArray.empty())
                    .put("locale", "en-US"))
            .put("member", memberOf(guild, userId))
            .put("app_permissions", Long.toString(guild.permissionsOf(BOT_USER_ID)))
            .put("locale", "en-US")
            .put("guild_locale", "en-US")
            .put("context", 0)
            .put(
                "authorizing_integration_owners",
                DataObject.empty().put("0", Long.toUnsignedString(guildId)))
            .put("entitlements", DataArray.empty())
            .put("data", data)
            .put("message", message));
    return token;
  }

  DataObject interactionReply(String token, String content) {
    long[] where = interactions.getOrDefault(token, new long[] {0, 0});
    return DiscordJson.message(ids.incrementAndGet(), where[1], where[0], botUser(), content)
        .put("flags", 64)
        .put("webhook_id", Long.toUnsignedString(APPLICATION_ID));
  }

  void messageDeleted(long channelId, long messageId) {
    long guildId = guildOfChannel(channelId);
    dispatch(
        guildId,
        "MESSAGE_DELETE",
        DataObject.empty()
            .put("id", Long.toUnsignedString(messageId))
            .put("channel_id", Long.toUnsignedString(channelId))
            .put("guild_id", Long.toUnsignedString(guildId)));
  }

  private long posted(long channelId, DataObject message) {
    messages.add(channelId, message);
    dispatch(guildOfChannel(channelId), "MESSAGE_CREATE", message);
    return message.getLong("id");
  }

  private DataObject webhookMessage(long id, long channelId, String content) {
    return DiscordJson.message(
            id,
            channelId,
            guildOfChannel(channelId),
            DiscordJson.user(WEBHOOK_ID, "monitor", true),
            content)
        .put("webhook_id", Long.toUnsignedString(WEBHOOK_ID));
  }

  DataObject botUser() {
    return DiscordJson.user(BOT_USER_ID, "botconfig", true);
  }

  synchronized long guildOfChannel(long channelId) {
    return guilds.values().stream()
        .filter(g -> g.hasChannel(channelId))
        .mapToLong(FakeGuild::id)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fake guild has channel " + channelId));
  }

  synchronized DataObject userOf(long guildId, long userId) {
    return guildById(guildId).user(userId);
  }

  synchronized DataObject roleOf(long guildId, long roleId) {
    return guildById(guildId).roleJson(roleId);
  }

  /** A channel's name, or a made-up one for a channel no guild of the fake has. */
  synchronized String anyChannelName(long channelId) {
    return guilds.values().stream()
        .filter(g -> g.hasChannel(channelId))
        .map(g -> g.channelName(channelId))
        .findFirst()
        .orElse("channel-" + channelId);
  }

  synchronized String channelName(long channelId) {
    return guildById(guildOfChannel(channelId)).channelName(channelId);
  }

  Instant now() {
    return Instant.now();
  }

  private synchronized FakeGuild guildById(long guildId) {
    FakeGuild guild = guilds.get(guildId);
    if (guild == null) {
      throw new IllegalArgumentException("no fake guild " + guildId);
    }
    return guild;
  }

  /** Sends an event of a guild to the session of the guild's shard. */
  private void dispatch(long guildId, String type, DataObject data) {
    int shard = shardOf(guildId);
    FakeGateway session = sessions.get(shard);
    if (session == null) {
      throw new IllegalStateException(
          "shard "
              + shard
              + " of "
              + shardTotal
              + ", which guild "
              + guildId
              + " belongs to, is not connected");
    }
    session.dispatch(type, data);
  }

  /** What the gateway sessions need from this fake. */
  private final class GatewayHost implements FakeGateway.Host {
    @Override
    public DataObject botUser() {
      return FakeDiscord.this.botUser();
    }

    @Override
    public int shardTotal() {
      return shardTotal;
    }

    @Override
    public List<FakeGuild> guildsOfShard(int shardId) {
      synchronized (FakeDiscord.this) {
        return guilds.values().stream()
            .filter(g -> !left.contains(g.id()) && shardOf(g.id()) == shardId)
            .toList();
      }
    }

    @Override
    public void identified(int shardId, FakeGateway session) {
      sessions.put(shardId, session);
    }

    @Override
    public String gatewayUrl() {
      return FakeDiscord.this.gatewayUrl();
    }

    @Override
    public FakeGateway.@Nullable Refusal identifyRefusal() {
      return identifyRefusal;
    }
  }

  private static DataObject memberOf(FakeGuild guild, long userId) {
    return guild.member(userId).put("permissions", Long.toString(guild.permissionsOf(userId)));
  }

  private static ThreadFactory daemon(String name) {
    AtomicLong count = new AtomicLong();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

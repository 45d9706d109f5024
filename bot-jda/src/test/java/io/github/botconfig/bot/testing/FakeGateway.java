package io.github.botconfig.bot.testing;

import java.util.List;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;

/**
 * One gateway session of the {@link FakeDiscord}: says hello, answers heartbeats, and when the bot
 * identifies as shard {@code [id, total]} sends READY and one GUILD_CREATE per guild of that shard,
 * then the events of those guilds. An identify for a shard the fake does not serve is closed with
 * 4010 (invalid shard), as Discord does; every identify is closed with the code of {@link
 * FakeDiscord#refuseIdentify} when one is set. Thread-safe: sending is serialised so sequence
 * numbers arrive in order.
 */
final class FakeGateway extends WebSocketListener {
  /** Discord's close code for a shard id or total it does not accept. */
  static final int INVALID_SHARD = 4010;

  /** What the session needs from the fake. */
  interface Host {
    DataObject botUser();

    int shardTotal();

    /** The guilds the bot is in that belong to {@code shardId}. */
    List<FakeGuild> guildsOfShard(int shardId);

    /**
     * Called once the session identified as {@code shardId}; it receives that shard's events from
     * now on.
     */
    void identified(int shardId, FakeGateway session);

    String gatewayUrl();

    /**
     * The close Discord answers every identify with instead of READY (a refused intent, a bad
     * token), or null to accept.
     */
    @Nullable Refusal identifyRefusal();
  }

  /** A close code and its reason, as Discord sends them when it ends a session for good. */
  record Refusal(int code, String reason) {}

  private final Host host;
  private @Nullable WebSocket socket;
  private int sequence;

  FakeGateway(Host host) {
    this.host = host;
  }

  @Override
  public synchronized void onOpen(WebSocket webSocket, Response response) {
    socket = webSocket;
    send(
        DataObject.empty()
            .put("op", 10)
            .put("d", DataObject.empty().put("heartbeat_interval", 41_250)));
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    DataObject payload = DataObject.fromJson(text);
    switch (payload.getInt("op")) {
      case 1: // heartbeat
        send(DataObject.empty().put("op", 11));
        break;
      case 2: // identify
        identify(payload.getObject("d"));
        break;
      default: // presence updates and the like: nothing to answer
    }
  }

  private void identify(DataObject identify) {
    Refusal refusal = host.identifyRefusal();
    if (refusal != null) {
      webSocket().close(refusal.code(), refusal.reason());
      return;
    }
    // A bot that does not shard identifies without "shard": it is shard 0 of 1.
    DataArray shard = identify.optArray("shard").orElseGet(() -> DataArray.empty().add(0).add(1));
    int shardId = shard.getInt(0);
    int total = shard.getInt(1);
    if (total != host.shardTotal() || shardId < 0 || shardId >= total) {
      webSocket()
          .close(
              INVALID_SHARD, "Invalid shard: the fake serves " + host.shardTotal() + " shard(s)");
      return;
    }
    List<FakeGuild> guilds = host.guildsOfShard(shardId);
    synchronized (this) {
      // READY and the guilds go out before any event another thread dispatches to this shard.
      host.identified(shardId, this);
      dispatch("READY", ready(shardId, total, guilds));
      guilds.forEach(g -> dispatch("GUILD_CREATE", g.toJson()));
    }
  }

  private DataObject ready(int shardId, int total, List<FakeGuild> guilds) {
    DataArray unavailable = DataArray.empty();
    guilds.forEach(
        g ->
            unavailable.add(
                DataObject.empty()
                    .put("id", Long.toUnsignedString(g.id()))
                    .put("unavailable", true)));
    return DataObject.empty()
        .put("v", 10)
        .put("user", host.botUser())
        .put("guilds", unavailable)
        .put("session_id", "fake-session-" + shardId)
        .put("resume_gateway_url", host.gatewayUrl())
        .put("shard", DataArray.empty().add(shardId).add(total))
        .put("private_channels", DataArray.empty())
        .put("relationships", DataArray.empty())
        .put("presences", DataArray.empty())
        .put(
            "application",
            DataObject.empty()
                .put("id", Long.toString(FakeDiscord.APPLICATION_ID))
                .put("flags", 0));
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(
        code, null); // completes the close handshake the bot started, so it shuts down at once
  }

  /** Sends a dispatch event (op 0) with the next sequence number. */
  synchronized void dispatch(String type, DataObject data) {
    send(DataObject.empty().put("op", 0).put("s", ++sequence).put("t", type).put("d", data));
  }

  private synchronized void send(DataObject payload) {
    webSocket().send(payload.toString());
  }

  private synchronized WebSocket webSocket() {
    if (socket == null) {
      throw new IllegalStateException("the bot is not connected to the fake gateway");
    }
    return socket;
  }

  synchronized void close() {
    if (socket != null) {
      socket.close(1000, "fake Discord closing");
    }
  }

  /** Discord's rule: which shard receives a guild's events. */
  static int shardOf(long guildId, int shardTotal) {
    return (int) ((guildId >>> 22) % shardTotal);
  }
}

package io.github.botconfig.bot.testing;

import java.util.List;
import java.util.function.Supplier;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;

/**
 * The gateway half of the {@link FakeDiscord}: one WebSocket session that says hello, answers heartbeats, and
 * after the bot identifies sends READY and one GUILD_CREATE per guild. Thread-safe: sending is serialised so
 * sequence numbers arrive in order.
 */
final class FakeGateway extends WebSocketListener {
  private final Supplier<DataObject> user;
  private final Supplier<List<FakeGuild>> guilds;
  private final String url;
  private @Nullable WebSocket socket;
  private int sequence;

  FakeGateway(Supplier<DataObject> user, Supplier<List<FakeGuild>> guilds, String url) {
    this.user = user;
    this.guilds = guilds;
    this.url = url;
  }

  @Override
  public synchronized void onOpen(WebSocket webSocket, Response response) {
    socket = webSocket;
    send(DataObject.empty().put("op", 10).put("d", DataObject.empty().put("heartbeat_interval", 41_250)));
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    DataObject payload = DataObject.fromJson(text);
    switch (payload.getInt("op")) {
      case 1: // heartbeat
        send(DataObject.empty().put("op", 11));
        break;
      case 2: // identify
        identified();
        break;
      default: // presence updates and the like: nothing to answer
    }
  }

  private void identified() {
    DataArray unavailable = DataArray.empty();
    List<FakeGuild> all = guilds.get();
    all.forEach(g -> unavailable.add(DataObject.empty().put("id", Long.toUnsignedString(g.id())).put("unavailable", true)));
    dispatch(
        "READY",
        DataObject.empty()
            .put("v", 10)
            .put("user", user.get())
            .put("guilds", unavailable)
            .put("session_id", "fake-session")
            .put("resume_gateway_url", url)
            .put("private_channels", DataArray.empty())
            .put("relationships", DataArray.empty())
            .put("presences", DataArray.empty())
            .put(
                "application",
                DataObject.empty().put("id", Long.toString(FakeDiscord.APPLICATION_ID)).put("flags", 0)));
    all.forEach(g -> dispatch("GUILD_CREATE", g.toJson()));
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(code, null); // completes the close handshake the bot started, so it shuts down at once
  }

  /** Sends a dispatch event (op 0) with the next sequence number. */
  synchronized void dispatch(String type, DataObject data) {
    send(DataObject.empty().put("op", 0).put("s", ++sequence).put("t", type).put("d", data));
  }

  private synchronized void send(DataObject payload) {
    if (socket == null) {
      throw new IllegalStateException("the bot is not connected to the fake gateway");
    }
    socket.send(payload.toString());
  }

  synchronized void close() {
    if (socket != null) {
      socket.close(1000, "fake Discord closing");
    }
  }
}

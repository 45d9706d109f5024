package io.github.botconfig.cache;

import io.github.botconfig.cache.CacheStatus.State;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes down every callback, as a line of text that tests compare. Thread-safe. */
final class RecordingListener implements CacheListener {
  private final List<String> events = new CopyOnWriteArrayList<>();

  List<String> events() {
    return List.copyOf(events);
  }

  /** The state changes seen, as "FROM->TO". */
  List<String> transitions() {
    return events.stream().filter(e -> e.startsWith("status ")).map(e -> e.substring(7)).toList();
  }

  void clear() {
    events.clear();
  }

  @Override
  public void onLoaded(CacheStats stats) {
    events.add("loaded " + stats.channels());
  }

  @Override
  public void onRefreshed(CacheStats stats) {
    events.add("refreshed " + stats.channels());
  }

  @Override
  public void onChannelChanged(
      ChannelId channelId, Optional<ChannelConfig> before, Optional<ChannelConfig> after) {
    events.add("channel " + channelId + " " + describe(before) + "->" + describe(after));
  }

  @Override
  public void onSettingsChanged(
      GuildId guildId, Optional<GuildSettings> before, Optional<GuildSettings> after) {
    events.add(
        "settings "
            + guildId
            + " "
            + before.map(s -> "v" + s.version()).orElse("none")
            + "->"
            + after.map(s -> "v" + s.version()).orElse("none"));
  }

  @Override
  public void onStatusChanged(CacheStatus previous, CacheStatus current) {
    events.add("status " + previous.state() + "->" + current.state());
  }

  static String describe(Optional<ChannelConfig> channel) {
    return channel.map(c -> c.guildId() + "/v" + c.version()).orElse("none");
  }

  static String transition(State from, State to) {
    return from + "->" + to;
  }
}

package io.github.botconfig.bot.internal.panel;

import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.util.List;
import java.util.Optional;

/**
 * The guild an interaction came from, as Discord (the bot's cache) knows it: what {@link
 * PanelActions} checks every id of a custom id or a select against, and who clicks.
 */
interface GuildView {
  GuildId id();

  /** Who clicks, as the use cases ask it whether they may configure this guild. */
  Actor actor();

  /** Whether the channel is a text or announcement channel of this guild now. */
  boolean hasChannel(ChannelId channelId);

  /** Whether the role is a role of this guild. */
  boolean hasRole(long roleId);

  /**
   * Why the clicking member may not make this role a tag ({@code @everyone}, or a role they could
   * not mention themselves), or empty when they may.
   */
  Optional<String> roleRefusal(long roleId);

  /** The channel's name as members see it ({@code #reports}), or its id when it is gone. */
  String channelName(ChannelId channelId);

  /** What keeps the settings' global channel from working (one line each). */
  List<String> warnings(GuildSettings settings);
}

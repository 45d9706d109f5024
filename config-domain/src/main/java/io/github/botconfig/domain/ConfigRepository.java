package io.github.botconfig.domain;

import java.util.List;
import java.util.Optional;

/**
 * The configuration, as a bot reads and changes it (the driving port).
 *
 * <p>The cache implements it for the bot; every {@link ConfigStore} implements it too.
 * Implementations are safe for use by many threads at once.
 *
 * <p>Writes are optimistic: a value carries the {@link ChannelConfig#version() version} its writer
 * read (0 for a new one), and the write succeeds only if the stored version is still that one. The
 * returned value is what was stored, with the next version and its times set. A refused write
 * changes nothing and throws {@link ConfigConflictException}.
 *
 * <p>Every method may throw {@link StoreUnavailableException} when the data it needs is out of
 * reach. Nothing accepts or returns {@code null}.
 */
public interface ConfigRepository {

  /**
   * Returns the configuration of a tracked channel, or empty if the channel is not tracked. This is
   * the call made for every message the bot sees.
   */
  Optional<ChannelConfig> findChannel(ChannelId channelId);

  /**
   * As {@link #findChannel(ChannelId)}, for the snowflake as Discord's events carry it. The message
   * path asks this way, so that an implementation in memory answers a message without allocating an
   * id: escape analysis removes that allocation in most JVM runs, not all (docs/performance.md).
   *
   * @throws InvalidConfigException if {@code channelId} is not positive
   */
  default Optional<ChannelConfig> findChannel(long channelId) {
    return findChannel(ChannelId.of(channelId));
  }

  /** Returns the tracked channels of a guild, ordered by channel id; empty if it has none. */
  List<ChannelConfig> findChannels(GuildId guildId);

  /**
   * Returns the stored settings of a guild, or empty if it never stored any (see {@link
   * #settingsOrDefaults}).
   */
  Optional<GuildSettings> findSettings(GuildId guildId);

  /** Returns the stored settings of a guild, or {@link GuildSettings#defaults(GuildId)}. */
  default GuildSettings settingsOrDefaults(GuildId guildId) {
    return findSettings(guildId).orElseGet(() -> GuildSettings.defaults(guildId));
  }

  /**
   * Creates or updates a tracked channel.
   *
   * @param config the configuration, with the version its writer read: 0 to create the channel, the
   *     stored version to update it; its {@code createdAt}/{@code updatedAt} are ignored
   * @return the stored configuration: version incremented, {@code updatedAt} now, {@code createdAt}
   *     kept from the stored item (now, when created)
   * @throws ConfigConflictException {@link ConfigConflictException.Reason#VERSION_CHANGED
   *     VERSION_CHANGED} if the stored version differs (the channel was changed, created or deleted
   *     meanwhile); {@link ConfigConflictException.Reason#OWNED_BY_ANOTHER_GUILD
   *     OWNED_BY_ANOTHER_GUILD} if the channel is tracked under another guild
   */
  ChannelConfig saveChannel(ChannelConfig config);

  /**
   * Stops tracking a channel.
   *
   * @return {@code true} if the channel was tracked under this guild and is no longer; {@code
   *     false} if it was not tracked under this guild (nothing changes, even if another guild
   *     tracks it)
   */
  boolean deleteChannel(GuildId guildId, ChannelId channelId);

  /**
   * Creates or updates the settings of a guild, with the same version rules as {@link
   * #saveChannel}.
   *
   * @return the stored settings, version incremented and times set
   * @throws ConfigConflictException if the stored version differs from {@code settings.version()}
   */
  GuildSettings saveSettings(GuildSettings settings);

  /** Returns where the guild's live board message is, or empty if the bot never stored one. */
  Optional<LiveBoard> findBoard(GuildId guildId);

  /**
   * Creates or updates the guild's live board, with the same version rules as {@link #saveChannel}.
   *
   * @return the stored board, version incremented and times set
   * @throws ConfigConflictException if the stored version differs from {@code board.version()}
   */
  LiveBoard saveBoard(LiveBoard board);

  /**
   * Forgets the guild's live board (the message itself is the caller's business).
   *
   * @return {@code true} if a board was stored and is no longer; {@code false} if none was stored
   */
  boolean deleteBoard(GuildId guildId);

  /**
   * Removes everything stored for a guild: its tracked channels, its settings, its live board, and
   * (in a table shared with other software) every other item under the guild.
   *
   * @return how many stored items were removed
   */
  int deleteGuild(GuildId guildId);
}

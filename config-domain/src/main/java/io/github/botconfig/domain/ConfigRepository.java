package io.github.botconfig.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The configuration, as a bot reads and changes it (the driving port).
 *
 * <p>The cache implements it for the bot; every {@link ConfigStore} implements it too.
 * Implementations are safe for use by many threads at once.
 *
 * <p>Writes are compare-and-set, and change only what their caller changed:
 *
 * <ul>
 *   <li>{@link #replaceChannel replaceChannel(read, changed)} and {@link #replaceSettings} write
 *       the attributes in which {@code changed} differs from {@code read}, and only if the stored
 *       item is still exactly {@code read} (its version; for an item without one, as older writers
 *       store them, every stored attribute). Everything else in the stored item, including
 *       attributes this library does not model, is kept as it is.
 *   <li>{@link #saveChannel} and {@link #saveSettings} with version 0 create, and only if nothing
 *       at all is stored under the key (readable or not); with version {@code n > 0} they update an
 *       item still at version {@code n}, writing only what differs from it.
 *   <li>{@link #updateChannel}, {@link #updateSettings} and {@link #updateBoard} read, apply a
 *       change, write only if it changed something, and retry a lost race: what an admin command
 *       calls.
 * </ul>
 *
 * <p>The returned value is what was stored, with the next version and its times set. A refused
 * write changes nothing and throws {@link ConfigConflictException}. Besides its own attributes, a
 * write sets only the bookkeeping this library owns: {@code version}, {@code updatedAt}, {@code
 * createdAt} when missing, and the store's keys and type markers.
 *
 * <p>Unreadable is not absent: an item that exists but cannot be decoded is not returned by the
 * {@code find} methods, but {@link #findUnreadable} and {@link #findUnreadableChannel} say it is
 * there and why, and no write creates over it ({@link ConfigConflictException.Reason#UNREADABLE}).
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
   * Creates a tracked channel (version 0), or updates one at a known version.
   *
   * @param config the configuration, with the version its writer read: 0 to create the channel
   *     (only if nothing at all is stored under its key), the stored version {@code n} to update it
   *     (the store reads the item and writes only what differs); its {@code createdAt}/{@code
   *     updatedAt} are ignored
   * @return the stored configuration: version incremented, {@code updatedAt} now, {@code createdAt}
   *     kept from the stored item (now, when created or missing)
   * @throws ConfigConflictException {@link ConfigConflictException.Reason#VERSION_CHANGED
   *     VERSION_CHANGED} if the stored version differs (the channel was changed, created or deleted
   *     meanwhile; an unversioned item written by another program is never "version 0": change it
   *     with {@link #replaceChannel}); {@link ConfigConflictException.Reason#OWNED_BY_ANOTHER_GUILD
   *     OWNED_BY_ANOTHER_GUILD} if the channel is tracked under another guild; {@link
   *     ConfigConflictException.Reason#UNREADABLE UNREADABLE} if an item that cannot be read is
   *     stored under the key
   */
  ChannelConfig saveChannel(ChannelConfig config);

  /**
   * Changes a tracked channel from what its caller read to what it wants: compare-and-set.
   *
   * <p>Writes only the attributes in which {@code changed} differs from {@code read} (plus the
   * bookkeeping), and only if the stored item is still exactly {@code read}: for a versioned item,
   * its version; for an item without a version (written by another program), every attribute it
   * holds. Every other attribute stays as stored, byte for byte.
   *
   * @param read the channel as the caller read it from this repository
   * @param changed the channel as the caller wants it: same guild and channel as {@code read}; its
   *     version and times are ignored
   * @return the stored channel: version {@code read.version() + 1}, {@code updatedAt} now
   * @throws InvalidConfigException if {@code changed} is not the same guild and channel as {@code
   *     read}
   * @throws ConfigConflictException {@code VERSION_CHANGED} if the stored item is no longer {@code
   *     read} (changed, replaced or deleted meanwhile); {@code UNREADABLE} if it now cannot be read
   */
  ChannelConfig replaceChannel(ChannelConfig read, ChannelConfig changed);

  /**
   * Stops tracking a channel.
   *
   * @return {@code true} if the channel was tracked under this guild and is no longer; {@code
   *     false} if it was not tracked under this guild (nothing changes, even if another guild
   *     tracks it)
   */
  boolean deleteChannel(GuildId guildId, ChannelId channelId);

  /**
   * Creates the settings of a guild (version 0, only if nothing is stored for it), or updates them
   * at a known version, with the same rules as {@link #saveChannel}.
   *
   * @return the stored settings, version incremented and times set
   * @throws ConfigConflictException if the stored version differs from {@code settings.version()}
   *     ({@code VERSION_CHANGED}), or unreadable settings are stored ({@code UNREADABLE})
   */
  GuildSettings saveSettings(GuildSettings settings);

  /**
   * Changes a guild's settings from what its caller read to what it wants, with the same rules as
   * {@link #replaceChannel}. Inside {@code summaryPreferences}, only the keys that changed are
   * written; the map's other keys are kept.
   *
   * @throws InvalidConfigException if {@code changed} is not the same guild as {@code read}
   * @throws ConfigConflictException {@code VERSION_CHANGED} if the stored settings are no longer
   *     {@code read}; {@code UNREADABLE} if they now cannot be read
   */
  GuildSettings replaceSettings(GuildSettings read, GuildSettings changed);

  /**
   * Refuses a {@link #replaceChannel} whose two values are not the same channel of the same guild;
   * for implementations.
   *
   * @throws InvalidConfigException naming both
   */
  static void requireSameChannel(ChannelConfig read, ChannelConfig changed) {
    if (!read.guildId().equals(changed.guildId())
        || !read.channelId().equals(changed.channelId())) {
      throw Inputs.invalid(
          "a change of channel %s of guild %s must keep both, got channel %s of guild %s",
          read.channelId(), read.guildId(), changed.channelId(), changed.guildId());
    }
  }

  /**
   * Refuses a {@link #replaceSettings} whose two values are not the same guild's; for
   * implementations.
   *
   * @throws InvalidConfigException naming both
   */
  static void requireSameGuild(GuildSettings read, GuildSettings changed) {
    if (!read.guildId().equals(changed.guildId())) {
      throw Inputs.invalid(
          "a change of the settings of guild %s must keep it, got guild %s",
          read.guildId(), changed.guildId());
    }
  }

  /**
   * Returns what is stored under a guild but cannot be read: channels, settings, board. Empty in a
   * healthy table.
   */
  List<UnreadableItem> findUnreadable(GuildId guildId);

  /**
   * Returns the channel's item if one is stored but cannot be read (then {@link #findChannel} finds
   * nothing: the message path treats the channel as untracked until the item is fixed).
   */
  Optional<UnreadableItem> findUnreadableChannel(ChannelId channelId);

  /**
   * Reads a channel, applies {@code change} and writes the result if it differs: the read-change-
   * write of an admin command. A channel not tracked yet starts from {@link ChannelConfig#of} and
   * is created (tracking it is the change, even if {@code change} keeps every default); a tracked
   * one is written with {@link #replaceChannel} only if {@code change} changed something —
   * otherwise nothing is sent at all (no request, no version, no change marker). When someone else
   * wrote the channel in between, it is read again and {@code change} applied again, 3 attempts in
   * all: changes are deltas ("turn pin on"), so re-applying them is what was meant.
   *
   * @param change the change; it must keep the guild and channel
   * @throws ConfigConflictException {@code OWNED_BY_ANOTHER_GUILD} if another guild tracks the
   *     channel; {@code UNREADABLE} if its stored item cannot be read; {@code VERSION_CHANGED} if
   *     others kept writing it through every attempt
   */
  default UpdateResult<ChannelConfig> updateChannel(
      GuildId guildId, ChannelId channelId, UnaryOperator<ChannelConfig> change) {
    return Upserts.updateChannel(this, guildId, channelId, change);
  }

  /**
   * Reads a guild's settings (its defaults when it stored none), applies {@code change} and writes
   * the result if it differs, with the no-op and retry rules of {@link #updateChannel}. Settings
   * never stored are created only when {@code change} leaves something other than the defaults.
   *
   * @throws ConfigConflictException {@code UNREADABLE} if the stored settings cannot be read;
   *     {@code VERSION_CHANGED} if others kept writing them through every attempt
   */
  default UpdateResult<GuildSettings> updateSettings(
      GuildId guildId, UnaryOperator<GuildSettings> change) {
    return Upserts.updateSettings(this, guildId, change);
  }

  /**
   * Stores that the guild's live board is now the message {@code messageId} in {@code channelId},
   * over whatever board was stored, with the no-op and retry rules of {@link #updateChannel}.
   */
  default UpdateResult<LiveBoard> updateBoard(
      GuildId guildId, ChannelId channelId, long messageId) {
    return Upserts.updateBoard(this, guildId, channelId, messageId);
  }

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

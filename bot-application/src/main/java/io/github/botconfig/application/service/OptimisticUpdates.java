package io.github.botconfig.application.service;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Read-change-write with the repository's optimistic versions: read the current value, apply a
 * change, save it with the version read; when someone else wrote in between, read again and
 * re-apply, up to {@value #ATTEMPTS} times in all. Changes here are deltas ("turn pin on"), so
 * re-applying them to newer data is what the admin meant.
 *
 * <p>The one place of the retry and of the nothing-to-change rule until {@code ConfigRepository}
 * carries them itself (issue 14: its {@code updateChannel}/{@code updateSettings} replace this
 * class). Stateless and thread-safe.
 */
public final class OptimisticUpdates {
  static final int ATTEMPTS = 3;

  private OptimisticUpdates() {}

  /**
   * Applies {@code change} to a guild's settings (its defaults when it stored none) and saves the
   * result, unless the change leaves them as they were.
   *
   * @return the settings after the change
   * @throws ConfigConflictException if others kept writing the settings through every attempt
   */
  public static GuildSettings updateSettings(
      ConfigRepository repository, GuildId guildId, UnaryOperator<GuildSettings> change) {
    return changeSettings(repository, guildId, change).after();
  }

  /**
   * As {@link #updateSettings}, saying also what was stored before and whether anything was
   * written.
   */
  public static Result<GuildSettings> changeSettings(
      ConfigRepository repository, GuildId guildId, UnaryOperator<GuildSettings> change) {
    return retrying(
        () -> {
          Optional<GuildSettings> stored = repository.findSettings(guildId);
          GuildSettings current = stored.orElseGet(() -> GuildSettings.defaults(guildId));
          GuildSettings changed = change.apply(current);
          return changed.equals(current)
              ? new Result<>(stored, current, false)
              : new Result<>(stored, repository.saveSettings(changed), true);
        });
  }

  /**
   * Applies {@code change} to a tracked channel (a new one with default options when it is not
   * tracked) and saves the result, unless the change leaves a tracked channel as it was.
   *
   * @return the channel after the change
   * @throws ConfigConflictException {@code OWNED_BY_ANOTHER_GUILD} if another guild tracks the
   *     channel; {@code VERSION_CHANGED} if others kept writing it through every attempt
   */
  public static ChannelConfig updateChannel(
      ConfigRepository repository,
      GuildId guildId,
      ChannelId channelId,
      UnaryOperator<ChannelConfig> change) {
    return changeChannel(repository, guildId, channelId, change).after();
  }

  /**
   * As {@link #updateChannel}, saying also what was tracked before and whether anything was
   * written.
   */
  public static Result<ChannelConfig> changeChannel(
      ConfigRepository repository,
      GuildId guildId,
      ChannelId channelId,
      UnaryOperator<ChannelConfig> change) {
    return retrying(
        () -> {
          Optional<ChannelConfig> tracked = repository.findChannel(channelId);
          ChannelConfig current = tracked.orElseGet(() -> ChannelConfig.of(guildId, channelId));
          if (!current.guildId().equals(guildId)) {
            throw new ConfigConflictException(
                Reason.OWNED_BY_ANOTHER_GUILD,
                // Discord renders its own words: another server's id is never shown there.
                "channel "
                    + channelId
                    + " is already tracked by guild "
                    + current.guildId()
                    + "; it can only be configured there");
          }
          ChannelConfig changed = change.apply(current);
          return tracked.isPresent() && changed.equals(current)
              ? new Result<>(tracked, current, false)
              : new Result<>(tracked, repository.saveChannel(changed), true);
        });
  }

  /**
   * Stores that the guild's live board is now the message {@code messageId} in {@code channelId},
   * over whatever was stored (re-read on a conflict).
   *
   * @return the board stored
   * @throws ConfigConflictException if others kept writing the board through every attempt
   */
  public static LiveBoard updateBoard(
      ConfigRepository repository, GuildId guildId, ChannelId channelId, long messageId) {
    return retrying(
        () -> {
          Optional<LiveBoard> current = repository.findBoard(guildId);
          LiveBoard changed =
              current
                  .map(b -> b.withChannelId(channelId).withMessageId(messageId))
                  .orElseGet(() -> LiveBoard.of(guildId, channelId, messageId));
          return current.equals(Optional.of(changed)) ? changed : repository.saveBoard(changed);
        });
  }

  /**
   * What an update did.
   *
   * @param before what was stored before (empty: nothing was)
   * @param after what is stored now
   * @param changed whether anything was written
   * @param <T> the value's type
   */
  public record Result<T>(Optional<T> before, T after, boolean changed) {}

  static <T> T retrying(Supplier<T> attempt) {
    for (int i = 1; ; i++) {
      try {
        return attempt.get();
      } catch (ConfigConflictException e) {
        if (e.reason() != Reason.VERSION_CHANGED || i == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}

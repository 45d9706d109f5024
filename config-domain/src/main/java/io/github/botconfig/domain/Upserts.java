package io.github.botconfig.domain;

import io.github.botconfig.domain.ConfigConflictException.Reason;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The read-change-write behind {@link ConfigRepository#updateChannel} and its siblings, kept here
 * once for every front end (the Discord commands, the CLI, the application layer). Stateless and
 * thread-safe.
 */
final class Upserts {
  /** Attempts in all, the first included. */
  static final int ATTEMPTS = 3;

  private Upserts() {}

  static UpdateResult<ChannelConfig> updateChannel(
      ConfigRepository repository,
      GuildId guildId,
      ChannelId channelId,
      UnaryOperator<ChannelConfig> change) {
    return retrying(
        () -> {
          Optional<ChannelConfig> tracked = repository.findChannel(channelId);
          if (tracked.isPresent() && !tracked.get().guildId().equals(guildId)) {
            throw ownedElsewhere(channelId);
          }
          if (tracked.isEmpty()) {
            Optional<UnreadableItem> unreadable = repository.findUnreadableChannel(channelId);
            if (unreadable.isPresent()) {
              if (!unreadable.get().guildId().equals(guildId)) {
                throw ownedElsewhere(channelId);
              }
              throw ConfigConflictException.unreadable(unreadable.get());
            }
          }
          ChannelConfig current = tracked.orElseGet(() -> ChannelConfig.of(guildId, channelId));
          ChannelConfig changed = change.apply(current);
          ConfigRepository.requireSameChannel(current, changed);
          if (tracked.isEmpty()) {
            return new UpdateResult<>(
                Optional.empty(), repository.saveChannel(changed.withVersion(0)), true);
          }
          if (sameOptions(current, changed)) {
            return new UpdateResult<>(tracked, current, false);
          }
          return new UpdateResult<>(tracked, repository.replaceChannel(current, changed), true);
        });
  }

  static UpdateResult<GuildSettings> updateSettings(
      ConfigRepository repository, GuildId guildId, UnaryOperator<GuildSettings> change) {
    return retrying(
        () -> {
          Optional<GuildSettings> stored = repository.findSettings(guildId);
          if (stored.isEmpty()) {
            for (UnreadableItem item : repository.findUnreadable(guildId)) {
              if (item.kind() == UnreadableItem.Kind.SETTINGS) {
                throw ConfigConflictException.unreadable(item);
              }
            }
          }
          GuildSettings current = stored.orElseGet(() -> GuildSettings.defaults(guildId));
          GuildSettings changed = change.apply(current);
          ConfigRepository.requireSameGuild(current, changed);
          if (sameOptions(current, changed)) {
            return new UpdateResult<>(stored, current, false);
          }
          GuildSettings saved =
              stored.isEmpty()
                  ? repository.saveSettings(changed.withVersion(0))
                  : repository.replaceSettings(current, changed);
          return new UpdateResult<>(stored, saved, true);
        });
  }

  static UpdateResult<LiveBoard> updateBoard(
      ConfigRepository repository, GuildId guildId, ChannelId channelId, long messageId) {
    return retrying(
        () -> {
          Optional<LiveBoard> current = repository.findBoard(guildId);
          LiveBoard changed =
              current
                  .map(b -> b.withChannelId(channelId).withMessageId(messageId))
                  .orElseGet(() -> LiveBoard.of(guildId, channelId, messageId));
          if (current.equals(Optional.of(changed))) {
            return new UpdateResult<>(current, changed, false);
          }
          return new UpdateResult<>(current, repository.saveBoard(changed), true);
        });
  }

  /** Whether two values differ in nothing but their metadata, which the store owns. */
  private static boolean sameOptions(ChannelConfig a, ChannelConfig b) {
    return a.equals(
        b.withVersion(a.version()).withCreatedAt(a.createdAt()).withUpdatedAt(a.updatedAt()));
  }

  private static boolean sameOptions(GuildSettings a, GuildSettings b) {
    return a.equals(
        b.withVersion(a.version()).withCreatedAt(a.createdAt()).withUpdatedAt(a.updatedAt()));
  }

  private static ConfigConflictException ownedElsewhere(ChannelId channelId) {
    return new ConfigConflictException(
        Reason.OWNED_BY_ANOTHER_GUILD,
        "channel " + channelId + " is tracked by another server; it can only be configured there");
  }

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

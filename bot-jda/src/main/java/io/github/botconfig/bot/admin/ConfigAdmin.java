package io.github.botconfig.bot.admin;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigException;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.UnreadableItem;
import io.github.botconfig.domain.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The operations behind {@code /config}, each returning the reply an admin reads. Failures of the
 * repository ({@link ConfigException}) become readable replies too; nothing here throws them.
 *
 * <p>Whether the caller may configure the guild, and whether a channel belongs to it, is checked by
 * the caller (it has the Discord view); this class scopes every operation to the guild it is given,
 * so a channel tracked by another guild is never shown, changed or removed.
 *
 * <p>Thread-safe when the repository is.
 */
public final class ConfigAdmin {
  private final ConfigRepository repository;

  public ConfigAdmin(ConfigRepository repository) {
    this.repository = repository;
  }

  /**
   * {@code /config channel set}: tracks the channel, or changes what was given and keeps the rest.
   */
  public String setChannel(GuildId guildId, ChannelId channelId, ChannelChanges changes) {
    return answering(
        () -> {
          UpdateResult<ChannelConfig> update =
              repository.updateChannel(guildId, channelId, changes::applyTo);
          ChannelConfig saved = update.after();
          String head =
              update.before().isEmpty()
                  ? "✅ " + ConfigText.channelMention(channelId) + " is now tracked."
                  : !update.changed()
                      ? "Nothing to change: "
                          + ConfigText.channelMention(channelId)
                          + " is tracked."
                      : "✅ " + ConfigText.channelMention(channelId) + " updated.";
          return head + "\n" + ConfigText.describe(saved);
        });
  }

  /** {@code /config channel remove}: stops tracking the channel. */
  public String removeChannel(GuildId guildId, ChannelId channelId) {
    return answering(
        () ->
            repository.deleteChannel(guildId, channelId)
                ? "✅ " + ConfigText.channelMention(channelId) + " is no longer tracked."
                : ConfigText.channelMention(channelId)
                    + " is not tracked in this server; nothing changed.");
  }

  /** {@code /config channel show}. */
  public String showChannel(GuildId guildId, ChannelId channelId) {
    return answering(
        () ->
            tracked(guildId, channelId)
                .map(
                    c ->
                        "**"
                            + ConfigText.channelMention(channelId)
                            + "**\n"
                            + ConfigText.describe(c))
                .orElseGet(
                    () ->
                        unreadable(guildId, channelId)
                            .map(
                                item ->
                                    "**"
                                        + ConfigText.channelMention(channelId)
                                        + "** is "
                                        + item.describe())
                            .orElse(
                                ConfigText.channelMention(channelId)
                                    + " is not tracked. Track it with `/config channel set`.")));
  }

  /** {@code /config channel list}. */
  public String listChannels(GuildId guildId) {
    return answering(
        () -> {
          List<ChannelConfig> channels = repository.findChannels(guildId);
          List<String> unreadable = new ArrayList<>();
          for (UnreadableItem item : repository.findUnreadable(guildId)) {
            item.channelId()
                .ifPresent(
                    c -> unreadable.add(ConfigText.channelMention(c) + " is " + item.describe()));
          }
          if (channels.isEmpty() && unreadable.isEmpty()) {
            return "No channel is tracked in this server. Track one with `/config channel set`.";
          }
          return (channels.isEmpty() ? "" : ConfigText.list(channels))
              + (channels.isEmpty() || unreadable.isEmpty() ? "" : "\n")
              + String.join("\n", unreadable);
        });
  }

  /** {@code /config guild show}. */
  public String showGuild(GuildId guildId) {
    return showGuild(guildId, settings -> List.of());
  }

  /**
   * {@code /config guild show}, followed by what {@code warnings} finds wrong with the settings (a
   * global channel that is gone, a permission the bot lacks there), one line each.
   */
  public String showGuild(GuildId guildId, Function<GuildSettings, List<String>> warnings) {
    return answering(
        () -> {
          Optional<UnreadableItem> unreadable = unreadableSettings(guildId);
          if (unreadable.isPresent()) {
            return "**Server settings** are " + unreadable.get().describe();
          }
          GuildSettings settings = repository.settingsOrDefaults(guildId);
          return "**Server settings**\n"
              + ConfigText.describe(settings)
              + lines(warnings.apply(settings));
        });
  }

  /** {@code /config guild set}: changes what was given and keeps the rest. */
  public String setGuild(GuildId guildId, GuildChanges changes) {
    return setGuild(guildId, changes, settings -> List.of());
  }

  /**
   * {@code /config guild set}, followed by what {@code warnings} finds wrong with the settings it
   * leaves.
   */
  public String setGuild(
      GuildId guildId, GuildChanges changes, Function<GuildSettings, List<String>> warnings) {
    return answering(
        () -> {
          if (changes.isEmpty()) {
            GuildSettings settings = repository.settingsOrDefaults(guildId);
            return "Nothing to change: give at least one option.\n"
                + ConfigText.describe(settings)
                + lines(warnings.apply(settings));
          }
          GuildSettings saved = repository.updateSettings(guildId, changes::applyTo).after();
          return "✅ Server settings updated.\n"
              + ConfigText.describe(saved)
              + lines(warnings.apply(saved));
        });
  }

  private static String lines(List<String> lines) {
    return lines.isEmpty() ? "" : "\n" + String.join("\n", lines);
  }

  private Optional<UnreadableItem> unreadable(GuildId guildId, ChannelId channelId) {
    return repository.findUnreadableChannel(channelId).filter(i -> i.guildId().equals(guildId));
  }

  private Optional<UnreadableItem> unreadableSettings(GuildId guildId) {
    return repository.findUnreadable(guildId).stream()
        .filter(i -> i.kind() == UnreadableItem.Kind.SETTINGS)
        .findFirst();
  }

  private Optional<ChannelConfig> tracked(GuildId guildId, ChannelId channelId) {
    return repository.findChannel(channelId).filter(c -> c.guildId().equals(guildId));
  }

  private static String answering(Supplier<String> operation) {
    try {
      return operation.get();
    } catch (ConfigException e) {
      return failure(e);
    }
  }

  /** The reply for a failed operation: what went wrong, that nothing changed, and what to do. */
  public static String failure(ConfigException e) {
    if (e instanceof InvalidConfigException) {
      return "❌ " + e.getMessage();
    }
    if (e instanceof ConfigConflictException conflict) {
      return conflict.reason() != ConfigConflictException.Reason.VERSION_CHANGED
          ? "❌ " + e.getMessage()
          : "❌ Someone else changed this configuration at the same time, so nothing was saved. "
              + "Run the command again.";
    }
    if (e instanceof StoreUnavailableException) {
      return "❌ The configuration store cannot be reached right now. Try again in a minute: "
          + "a command that did go through is never applied twice.";
    }
    return "❌ " + e.getMessage();
  }
}

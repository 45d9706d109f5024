package io.github.botconfig.bot.internal.admin;

import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.application.port.in.ChangeChannelUseCase;
import io.github.botconfig.application.port.in.ChangeSettingsUseCase;
import io.github.botconfig.application.port.in.ChannelChanges;
import io.github.botconfig.application.port.in.ConfigAdministration;
import io.github.botconfig.application.port.in.ListChannelsUseCase;
import io.github.botconfig.application.port.in.Outcome;
import io.github.botconfig.application.port.in.SettingsChanges;
import io.github.botconfig.application.port.in.ShowChannelUseCase;
import io.github.botconfig.application.port.in.ShowSettingsUseCase;
import io.github.botconfig.application.port.in.UntrackChannelUseCase;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigException;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingsSchema;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.UnreadableItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operations behind {@code /config}: each calls one admin use case and returns the reply an
 * admin reads for its outcome. Nothing here throws a {@link ConfigException}.
 *
 * <p>Whether the caller may configure the guild is the use cases' question, answered by the {@link
 * Actor} the listener builds from the member; whether a channel id names a channel of this server
 * is the listener's (it has the Discord view). Every operation is scoped to the guild it is given,
 * so a channel tracked by another guild is never shown, changed or removed.
 *
 * <p>Thread-safe when the use cases are.
 */
public final class ConfigAdmin {
  private static final String CONFLICT =
      "❌ Someone else changed this configuration at the same time, so nothing was saved. "
          + "Run the command again.";
  private static final String UNAVAILABLE =
      "❌ The configuration store cannot be reached right now. Try again in a minute: "
          + "a command that did go through is never applied twice.";

  private final ConfigAdministration useCases;
  private final String notAllowed;
  private final SettingsSchema schema;

  /**
   * With no setting keys of the project's own.
   *
   * @param useCases the admin use cases
   * @param notAllowed the reply to an actor the use cases refuse (it names Discord's permission)
   */
  public ConfigAdmin(ConfigAdministration useCases, String notAllowed) {
    this(useCases, notAllowed, SettingsSchema.none());
  }

  /**
   * @param useCases the admin use cases
   * @param notAllowed the reply to an actor the use cases refuse (it names Discord's permission)
   * @param schema the project's setting keys, listed after the built-in options in every reply that
   *     shows a channel or the server's settings
   */
  public ConfigAdmin(ConfigAdministration useCases, String notAllowed, SettingsSchema schema) {
    this.useCases = useCases;
    this.notAllowed = notAllowed;
    this.schema = schema;
  }

  /** The project's setting keys ({@code set}/{@code reset} parse against them). */
  public SettingsSchema schema() {
    return schema;
  }

  /**
   * {@code /config channel set}: tracks the channel, or changes what was given and keeps the rest.
   */
  public String setChannel(
      Actor actor, GuildId guildId, ChannelId channelId, ChannelChanges changes) {
    Outcome<ChannelConfig> outcome =
        useCases.changeChannel(
            new ChangeChannelUseCase.Command(actor, guildId, channelId, changes));
    String channel = ConfigText.channelMention(channelId);
    return switch (outcome.kind()) {
      case CREATED -> "✅ " + channel + " is now tracked.\n" + describe(outcome.get());
      case CHANGED -> "✅ " + channel + " updated.\n" + describe(outcome.get());
      case UNCHANGED ->
          "Nothing to change: " + channel + " is tracked.\n" + describe(outcome.get());
      case OWNED_BY_ANOTHER_GUILD ->
          "❌ " + channel + " is tracked by another server; it can only be configured there.";
      default -> failure(outcome);
    };
  }

  /** {@code /config channel remove}: stops tracking the channel. */
  public String removeChannel(Actor actor, GuildId guildId, ChannelId channelId) {
    Outcome<ChannelId> outcome =
        useCases.untrackChannel(new UntrackChannelUseCase.Command(actor, guildId, channelId));
    String channel = ConfigText.channelMention(channelId);
    return switch (outcome.kind()) {
      case REMOVED -> "✅ " + channel + " is no longer tracked.";
      case NOT_TRACKED -> channel + " is not tracked in this server; nothing changed.";
      default -> failure(outcome);
    };
  }

  /** {@code /config channel show}. */
  public String showChannel(Actor actor, GuildId guildId, ChannelId channelId) {
    Outcome<ChannelConfig> outcome =
        useCases.showChannel(new ShowChannelUseCase.Query(actor, Optional.of(guildId), channelId));
    String channel = ConfigText.channelMention(channelId);
    return switch (outcome.kind()) {
      case FOUND -> "**" + channel + "**\n" + describe(outcome.get());
      // Another guild's channel is "not tracked" here: this guild learns nothing of the other.
      case NOT_TRACKED, OWNED_BY_ANOTHER_GUILD ->
          channel + " is not tracked. Track it with `/config channel set`.";
      default -> failure(outcome);
    };
  }

  /** {@code /config channel list}. */
  public String listChannels(Actor actor, GuildId guildId) {
    Outcome<ListChannelsUseCase.Listing> outcome =
        useCases.listChannels(new ListChannelsUseCase.Query(actor, Optional.of(guildId)));
    if (!outcome.succeeded()) {
      return failure(outcome);
    }
    List<ChannelConfig> channels = outcome.get().channels();
    List<String> unreadable = new ArrayList<>();
    for (UnreadableItem item : outcome.get().unreadable()) {
      item.channelId()
          .ifPresent(c -> unreadable.add(ConfigText.channelMention(c) + " is " + item.describe()));
    }
    if (channels.isEmpty() && unreadable.isEmpty()) {
      return "No channel is tracked in this server. Track one with `/config channel set`.";
    }
    return (channels.isEmpty() ? "" : ConfigText.list(channels))
        + (channels.isEmpty() || unreadable.isEmpty() ? "" : "\n")
        + String.join("\n", unreadable);
  }

  /**
   * {@code /config settings show}, followed by what {@code warnings} finds wrong with the settings
   * (a global channel that is gone, a permission the bot lacks there), one line each.
   */
  public String showSettings(
      Actor actor, GuildId guildId, Function<GuildSettings, List<String>> warnings) {
    Outcome<ShowSettingsUseCase.StoredSettings> outcome =
        useCases.showSettings(new ShowSettingsUseCase.Query(actor, guildId));
    if (!outcome.succeeded()) {
      return failure(outcome);
    }
    GuildSettings settings = outcome.get().settings();
    return "**Server settings**\n" + describe(settings) + lines(warnings.apply(settings));
  }

  /**
   * {@code /config settings set}: changes what was given and keeps the rest, followed by what
   * {@code warnings} finds wrong with the settings it leaves.
   */
  public String setSettings(
      Actor actor,
      GuildId guildId,
      SettingsChanges changes,
      Function<GuildSettings, List<String>> warnings) {
    Outcome<GuildSettings> outcome =
        useCases.changeSettings(new ChangeSettingsUseCase.Command(actor, guildId, changes));
    return switch (outcome.kind()) {
      case CHANGED ->
          "✅ Server settings updated.\n"
              + describe(outcome.get())
              + lines(warnings.apply(outcome.get()));
      case UNCHANGED ->
          (changes.isEmpty()
                  ? "Nothing to change: give at least one option.\n"
                  : "Nothing to change: the server settings already are so.\n")
              + describe(outcome.get())
              + lines(warnings.apply(outcome.get()));
      default -> failure(outcome);
    };
  }

  private String describe(ChannelConfig channel) {
    return ConfigText.describe(channel)
        + ConfigText.custom(channel.custom(), schema.keys(SettingKey.Scope.CHANNEL));
  }

  private String describe(GuildSettings settings) {
    return ConfigText.describe(settings)
        + ConfigText.custom(settings.custom(), schema.keys(SettingKey.Scope.GUILD));
  }

  private static String lines(List<String> lines) {
    return lines.isEmpty() ? "" : "\n" + String.join("\n", lines);
  }

  private String failure(Outcome<?> outcome) {
    return failure(outcome, notAllowed);
  }

  /**
   * The reply for a failed outcome, for every Discord front end ({@code /config} and its panel):
   * what went wrong, that nothing changed, and what to do.
   *
   * @param notAllowed the reply to an actor the use cases refuse
   */
  public static String failure(Outcome<?> outcome, String notAllowed) {
    return switch (outcome.kind()) {
      case NOT_ALLOWED -> notAllowed;
      case CONFLICT -> CONFLICT;
      case UNAVAILABLE -> UNAVAILABLE;
      default -> "❌ " + outcome.message();
    };
  }

  /**
   * The reply for a failure outside the use cases: input refused before one ran (an option that
   * does not parse).
   */
  public static String failure(ConfigException e) {
    if (e instanceof ConfigConflictException conflict
        && conflict.reason() == ConfigConflictException.Reason.VERSION_CHANGED) {
      return CONFLICT;
    }
    return e instanceof StoreUnavailableException ? UNAVAILABLE : "❌ " + e.getMessage();
  }
}

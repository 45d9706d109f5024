package io.github.botconfig.app.cli;

import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.application.port.in.ChangeChannelUseCase;
import io.github.botconfig.application.port.in.ChannelChanges;
import io.github.botconfig.application.port.in.CustomChanges;
import io.github.botconfig.application.port.in.ListChannelsUseCase;
import io.github.botconfig.application.port.in.OptionalChange;
import io.github.botconfig.application.port.in.Outcome;
import io.github.botconfig.application.port.in.ShowChannelUseCase;
import io.github.botconfig.application.port.in.UntrackChannelUseCase;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingsSchema;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.UnreadableItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code botconfig channels …}: the tracked channels. */
@Command(
    name = "channels",
    description = "List, show, set and remove tracked channels.",
    mixinStandardHelpOptions = true,
    subcommands = {
      ChannelsCommand.ListChannels.class,
      ChannelsCommand.ShowChannel.class,
      ChannelsCommand.SetChannel.class,
      ChannelsCommand.RemoveChannel.class
    })
final class ChannelsCommand {

  /** The change {@code --tag} asks for: not given keeps it, {@code none} clears it. */
  static OptionalChange<Tag> change(Converters.@Nullable TagOption option) {
    return option == null ? OptionalChange.keep() : setOrClear(option.tag());
  }

  /** The change {@code --global-channel} asks for: not given keeps it, {@code none} clears it. */
  static OptionalChange<ChannelId> change(Converters.@Nullable ChannelOption option) {
    return option == null ? OptionalChange.keep() : setOrClear(option.channel());
  }

  private static <T> OptionalChange<T> setOrClear(Optional<T> value) {
    return value.isPresent() ? OptionalChange.set(value.get()) : OptionalChange.cleared();
  }

  @Command(
      name = "list",
      description = "List tracked channels, of one guild or all.",
      mixinStandardHelpOptions = true)
  static final class ListChannels extends StoreCommand implements Callable<Integer> {
    @Option(names = "--guild", paramLabel = "GUILD", description = "Only this guild's channels.")
    @Nullable GuildId guild;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() {
      Outcome<ListChannelsUseCase.Listing> outcome =
          context()
              .admin()
              .listChannels(
                  new ListChannelsUseCase.Query(Actor.operator(), Optional.ofNullable(guild)));
      if (!outcome.succeeded()) {
        return AdminOutcomes.failure(context(), outcome);
      }
      List<ChannelConfig> channels = outcome.get().channels();
      // Stored but unreadable is not absent: say so (on stderr for --json, which stays an array).
      for (UnreadableItem item : outcome.get().unreadable()) {
        (json ? context().err() : context().out()).printf("%s: %s%n", item.what(), item.describe());
      }
      if (json) {
        Output.json(context().out(), ConfigJson.channels(channels));
      } else {
        Output.channelTable(context().out(), channels);
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "show",
      description = "Show one tracked channel.",
      mixinStandardHelpOptions = true)
  static final class ShowChannel extends StoreCommand implements Callable<Integer> {
    @Option(
        names = "--guild",
        paramLabel = "GUILD",
        description = "The guild that tracks it (refused if another one does); default any.")
    @Nullable GuildId guild;

    @Option(names = "--channel", required = true, paramLabel = "CHANNEL")
    ChannelId channel;

    @Option(names = "--json", description = "Print a JSON document.")
    boolean json;

    @Override
    public Integer call() {
      Outcome<ChannelConfig> outcome =
          context()
              .admin()
              .showChannel(
                  new ShowChannelUseCase.Query(
                      Actor.operator(), Optional.ofNullable(guild), channel));
      if (!outcome.succeeded()) {
        return AdminOutcomes.failure(context(), outcome);
      }
      ChannelConfig config = outcome.get();
      SettingsSchema schema = context().settingsSchema();
      if (json) {
        Output.json(context().out(), ConfigJson.channel(config, schema));
      } else {
        Output.channel(context().out(), config, schema);
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "set",
      description = {
        "Track a channel, or change a tracked one: only the options given change.",
        "A running bot sees the change within its change-poll interval."
      },
      mixinStandardHelpOptions = true)
  static final class SetChannel extends StoreCommand implements Callable<Integer> {
    @Option(names = "--guild", required = true, paramLabel = "GUILD")
    GuildId guild;

    @Option(names = "--channel", required = true, paramLabel = "CHANNEL")
    ChannelId channel;

    @Option(
        names = "--image",
        arity = "1",
        paramLabel = "BOOL",
        description = "Attach a result card image.")
    @Nullable Boolean image;

    @Option(
        names = "--pin",
        arity = "1",
        paramLabel = "BOOL",
        description = "Pin alerts that meet the threshold.")
    @Nullable Boolean pin;

    @Option(
        names = "--notify-on-close",
        arity = "1",
        paramLabel = "BOOL",
        description = "Answer closed-position reports at all.")
    @Nullable Boolean notifyOnClose;

    @Option(
        names = "--tag",
        paramLabel = "user:ID|role:ID|none",
        description = "Whom to mention when the threshold is met.")
    Converters.@Nullable TagOption tag;

    @Option(
        names = "--threshold",
        paramLabel = "12.5|TP|SL|TP/SL|none",
        description = "When to mention and pin.")
    @Nullable Threshold threshold;

    @Option(
        names = "--reporters",
        paramLabel = "webhooks|everyone",
        description =
            "Whose messages count as reports: webhooks only (the default), or members too.")
    @Nullable Reporters reporters;

    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description = {
          "Set one of the declared setting keys (listed by show), in its own text form;",
          "repeatable. Each key checks its value and says what it expects."
        })
    List<String> set = new ArrayList<>();

    @Option(
        names = "--reset",
        paramLabel = "KEY",
        description =
            "Reset a declared setting key to its default (its attribute is removed); repeatable.")
    List<String> reset = new ArrayList<>();

    @Option(names = "--json", description = "Print the stored channel as JSON.")
    boolean json;

    @Override
    public Integer call() {
      SettingsSchema schema = context().settingsSchema();
      ChannelChanges changes =
          new ChannelChanges(
              Optional.ofNullable(image),
              Optional.ofNullable(pin),
              Optional.ofNullable(notifyOnClose),
              change(tag),
              Optional.ofNullable(threshold),
              Optional.ofNullable(reporters),
              CustomChanges.parse(schema, SettingKey.Scope.CHANNEL, set, reset));
      Outcome<ChannelConfig> outcome =
          context()
              .admin()
              .changeChannel(
                  new ChangeChannelUseCase.Command(Actor.operator(), guild, channel, changes));
      if (!outcome.succeeded()) {
        return AdminOutcomes.failure(context(), outcome);
      }
      ChannelConfig saved = outcome.get();
      if (outcome.kind() == Outcome.Kind.UNCHANGED) {
        context().err().printf("nothing to change: channel %s already is so%n", channel);
      }
      if (json) {
        Output.json(context().out(), ConfigJson.channel(saved, schema));
      } else {
        Output.channel(context().out(), saved, schema);
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "remove",
      description = "Stop tracking a channel.",
      mixinStandardHelpOptions = true)
  static final class RemoveChannel extends StoreCommand implements Callable<Integer> {
    @Option(names = "--guild", required = true, paramLabel = "GUILD")
    GuildId guild;

    @Option(names = "--channel", required = true, paramLabel = "CHANNEL")
    ChannelId channel;

    @Override
    public Integer call() {
      Outcome<ChannelId> outcome =
          context()
              .admin()
              .untrackChannel(new UntrackChannelUseCase.Command(Actor.operator(), guild, channel));
      if (!outcome.succeeded()) {
        return AdminOutcomes.failure(context(), outcome);
      }
      context().out().printf("channel %s is no longer tracked%n", channel);
      return ExitCodes.OK;
    }
  }
}

package io.github.botconfig.app.cli;

import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.Threshold;
import java.util.Comparator;
import java.util.List;
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
      ConfigStore store = context().store();
      List<ChannelConfig> channels =
          guild != null
              ? store.findChannels(guild)
              : store.loadAll().channels().values().stream()
                  .sorted(
                      Comparator.comparing(ChannelConfig::guildId)
                          .thenComparing(ChannelConfig::channelId))
                  .toList();
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
    @Option(names = "--channel", required = true, paramLabel = "CHANNEL")
    ChannelId channel;

    @Option(names = "--json", description = "Print a JSON document.")
    boolean json;

    @Override
    public Integer call() {
      ChannelConfig config =
          context()
              .store()
              .findChannel(channel)
              .orElseThrow(
                  () -> new InvalidConfigException("channel " + channel + " is not tracked"));
      if (json) {
        Output.json(context().out(), ConfigJson.channel(config));
      } else {
        Output.channel(context().out(), config);
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

    @Option(names = "--json", description = "Print the stored channel as JSON.")
    boolean json;

    @Override
    public Integer call() {
      ConfigStore store = context().store();
      ChannelConfig current =
          store.findChannel(channel).orElseGet(() -> ChannelConfig.of(guild, channel));
      ChannelConfig changed = current;
      if (!current.guildId().equals(guild)) {
        // Let the store refuse it with its own conflict message.
        changed = ChannelConfig.of(guild, channel);
      }
      if (image != null) {
        changed = changed.withImage(image);
      }
      if (pin != null) {
        changed = changed.withPin(pin);
      }
      if (notifyOnClose != null) {
        changed = changed.withNotifyOnClose(notifyOnClose);
      }
      if (tag != null) {
        changed = changed.withTag(tag.tag());
      }
      if (threshold != null) {
        changed = changed.withThreshold(threshold);
      }
      if (reporters != null) {
        changed = changed.withReporters(reporters);
      }
      ChannelConfig saved = store.saveChannel(changed);
      if (json) {
        Output.json(context().out(), ConfigJson.channel(saved));
      } else {
        Output.channel(context().out(), saved);
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
      if (!context().store().deleteChannel(guild, channel)) {
        throw new InvalidConfigException(
            "channel " + channel + " is not tracked in guild " + guild);
      }
      context().out().printf("channel %s is no longer tracked%n", channel);
      return ExitCodes.OK;
    }
  }
}

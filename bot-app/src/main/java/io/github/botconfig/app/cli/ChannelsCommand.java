package io.github.botconfig.app.cli;

import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.UnreadableItem;
import java.util.Comparator;
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
      List<ChannelConfig> channels;
      List<UnreadableItem> unreadable;
      if (guild != null) {
        channels = store.findChannels(guild);
        unreadable = store.findUnreadable(guild);
      } else {
        ConfigSnapshot snapshot = store.loadAll();
        channels =
            snapshot.channels().values().stream()
                .sorted(
                    Comparator.comparing(ChannelConfig::guildId)
                        .thenComparing(ChannelConfig::channelId))
                .toList();
        unreadable = snapshot.unreadable();
      }
      if (json) {
        Output.json(context().out(), ConfigJson.channels(channels));
      } else {
        Output.channelTable(context().out(), channels);
      }
      // Stored but unreadable is not absent: say so (on stderr for --json, which stays an array).
      for (UnreadableItem item : unreadable) {
        if (item.kind() == UnreadableItem.Kind.CHANNEL) {
          (json ? context().err() : context().out())
              .printf("%s: %s%n", item.what(), item.describe());
        }
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
      ConfigStore store = context().store();
      Optional<ChannelConfig> found = store.findChannel(channel);
      if (found.isEmpty()) {
        Optional<UnreadableItem> unreadable = store.findUnreadableChannel(channel);
        if (unreadable.isPresent()) {
          throw new ConfigConflictException(
              ConfigConflictException.Reason.UNREADABLE,
              unreadable.get().what() + " is " + unreadable.get().describe());
        }
        throw new InvalidConfigException("channel " + channel + " is not tracked");
      }
      ChannelConfig config = found.get();
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

    @Option(names = "--json", description = "Print the stored channel as JSON.")
    boolean json;

    @Override
    public Integer call() {
      ChannelConfig saved =
          context().store().updateChannel(guild, channel, this::applyOptions).after();
      if (json) {
        Output.json(context().out(), ConfigJson.channel(saved));
      } else {
        Output.channel(context().out(), saved);
      }
      return ExitCodes.OK;
    }

    /** Only the options given change; the rest is kept as stored. */
    private ChannelConfig applyOptions(ChannelConfig current) {
      ChannelConfig changed = current;
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
      return changed;
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

package io.github.botconfig.application.service;

import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.application.port.in.ChangeChannelUseCase;
import io.github.botconfig.application.port.in.ChangeSettingsUseCase;
import io.github.botconfig.application.port.in.ConfigAdministration;
import io.github.botconfig.application.port.in.ListChannelsUseCase;
import io.github.botconfig.application.port.in.Outcome;
import io.github.botconfig.application.port.in.Outcome.Kind;
import io.github.botconfig.application.port.in.PurgeGuildUseCase;
import io.github.botconfig.application.port.in.ShowChannelUseCase;
import io.github.botconfig.application.port.in.ShowSettingsUseCase;
import io.github.botconfig.application.port.in.ShowSettingsUseCase.StoredSettings;
import io.github.botconfig.application.port.in.UntrackChannelUseCase;
import io.github.botconfig.application.port.out.GuildInventory;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigException;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.UnreadableItem;
import io.github.botconfig.domain.UpdateResult;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The admin use cases over a {@link ConfigRepository}. Here, once for every front end: the
 * authorisation question (asked of the command's {@link Actor} before anything is read), the
 * read-change-write with its retry and its nothing-to-change rule (the repository's {@link
 * ConfigRepository#updateChannel updateChannel} and {@link ConfigRepository#updateSettings
 * updateSettings}), and the translation of every {@link ConfigException} into an {@link Outcome}:
 * nothing here throws one. Unreadable is not absent: an item stored but not decodable is reported
 * as {@code UNREADABLE}, never as "not tracked" or the defaults. The rule that a channel belongs to
 * one guild is the repository's ({@code OWNED_BY_ANOTHER_GUILD}); this class only reports it.
 *
 * <p>Thread-safe when the repository is.
 */
public final class AdminService implements ConfigAdministration {
  private final ConfigRepository repository;
  private final @Nullable ConfigStore wholeTable;
  private final GuildInventory inventory;

  /**
   * Use cases over a repository that answers per guild (the bot's cache): listing every guild at
   * once is refused as {@code INVALID}; a purge's plan lists what the repository can read.
   */
  public AdminService(ConfigRepository repository) {
    this.repository = repository;
    this.wholeTable = null;
    this.inventory = new ReadableInventory(repository);
  }

  /**
   * Use cases over a store, which can also list the channels of every guild; a purge's plan lists
   * what the store can read.
   */
  public AdminService(ConfigStore store) {
    this(store, new ReadableInventory(store));
  }

  /**
   * Use cases over a store, with the store's own inventory for a purge's plan, which lists every
   * item under the guild, of any kind (the CLI, over DynamoDB).
   */
  public AdminService(ConfigStore store, GuildInventory inventory) {
    this.repository = store;
    this.wholeTable = store;
    this.inventory = inventory;
  }

  @Override
  public Outcome<ChannelConfig> changeChannel(ChangeChannelUseCase.Command command) {
    return allowed(
        command.actor(),
        command.guildId(),
        () -> {
          UnaryOperator<ChannelConfig> change = command.changes()::applyTo;
          if (command.mode() == ChangeChannelUseCase.Mode.ONLY_IF_TRACKED) {
            // The check runs inside each attempt, right after the attempt's read: a channel
            // untracked before it is refused here; one untracked after it makes the attempt's
            // compare-and-set fail, and the next attempt refuses it.
            change =
                current -> {
                  if (repository.findChannel(command.channelId()).isEmpty()) {
                    throw new NoLongerTracked();
                  }
                  return command.changes().applyTo(current);
                };
          }
          UpdateResult<ChannelConfig> result;
          try {
            result = repository.updateChannel(command.guildId(), command.channelId(), change);
          } catch (NoLongerTracked e) {
            return notTracked(command.channelId(), Optional.of(command.guildId()));
          }
          Kind kind =
              result.before().isEmpty()
                  ? Kind.CREATED
                  : result.changed() ? Kind.CHANGED : Kind.UNCHANGED;
          return Outcome.of(kind, result.after());
        });
  }

  @Override
  public Outcome<ChannelId> untrackChannel(UntrackChannelUseCase.Command command) {
    return allowed(
        command.actor(),
        command.guildId(),
        () ->
            repository.deleteChannel(command.guildId(), command.channelId())
                ? Outcome.of(Kind.REMOVED, command.channelId())
                : notTracked(command.channelId(), Optional.of(command.guildId())));
  }

  @Override
  public Outcome<ChannelConfig> showChannel(ShowChannelUseCase.Query query) {
    return allowed(
        query.actor(),
        query.guildId(),
        () -> {
          Optional<ChannelConfig> tracked = repository.findChannel(query.channelId());
          if (tracked.isEmpty()) {
            Optional<UnreadableItem> unreadable =
                repository
                    .findUnreadableChannel(query.channelId())
                    .filter(i -> query.guildId().map(i.guildId()::equals).orElse(true));
            return unreadable.isPresent()
                ? Outcome.failed(
                    Kind.UNREADABLE, unreadable.get().what() + " is " + unreadable.get().describe())
                : notTracked(query.channelId(), query.guildId());
          }
          if (query.guildId().isPresent()
              && !tracked.get().guildId().equals(query.guildId().get())) {
            return Outcome.failed(
                Kind.OWNED_BY_ANOTHER_GUILD,
                "channel "
                    + query.channelId()
                    + " is tracked by another guild; it can only be shown and configured there");
          }
          return Outcome.of(Kind.FOUND, tracked.get());
        });
  }

  @Override
  public Outcome<ListChannelsUseCase.Listing> listChannels(ListChannelsUseCase.Query query) {
    return allowed(
        query.actor(),
        query.guildId(),
        () -> {
          if (query.guildId().isPresent()) {
            GuildId guildId = query.guildId().get();
            return Outcome.of(
                Kind.FOUND,
                new ListChannelsUseCase.Listing(
                    repository.findChannels(guildId),
                    channelsOnly(repository.findUnreadable(guildId))));
          }
          if (wholeTable == null) {
            return Outcome.failed(Kind.INVALID, "name the guild whose channels to list");
          }
          ConfigSnapshot snapshot = wholeTable.loadAll();
          List<ChannelConfig> channels =
              snapshot.channels().values().stream()
                  .sorted(
                      Comparator.comparing(ChannelConfig::guildId)
                          .thenComparing(ChannelConfig::channelId))
                  .toList();
          return Outcome.of(
              Kind.FOUND,
              new ListChannelsUseCase.Listing(channels, channelsOnly(snapshot.unreadable())));
        });
  }

  @Override
  public Outcome<StoredSettings> showSettings(ShowSettingsUseCase.Query query) {
    return allowed(
        query.actor(),
        query.guildId(),
        () -> {
          Optional<UnreadableItem> unreadable =
              repository.findUnreadable(query.guildId()).stream()
                  .filter(i -> i.kind() == UnreadableItem.Kind.SETTINGS)
                  .findFirst();
          if (unreadable.isPresent()) {
            return Outcome.failed(
                Kind.UNREADABLE, unreadable.get().what() + " are " + unreadable.get().describe());
          }
          Optional<GuildSettings> stored = repository.findSettings(query.guildId());
          return Outcome.of(
              Kind.FOUND,
              new StoredSettings(
                  stored.orElseGet(() -> GuildSettings.defaults(query.guildId())),
                  stored.isPresent()));
        });
  }

  @Override
  public Outcome<GuildSettings> changeSettings(ChangeSettingsUseCase.Command command) {
    return allowed(
        command.actor(),
        command.guildId(),
        () -> {
          UpdateResult<GuildSettings> result =
              repository.updateSettings(command.guildId(), command.changes()::applyTo);
          return Outcome.of(result.changed() ? Kind.CHANGED : Kind.UNCHANGED, result.after());
        });
  }

  @Override
  public Outcome<PurgeGuildUseCase.Plan> planPurge(PurgeGuildUseCase.Command command) {
    return allowed(
        command.actor(),
        command.guildId(),
        () ->
            Outcome.of(
                Kind.FOUND,
                new PurgeGuildUseCase.Plan(
                    command.guildId(), inventory.itemsOf(command.guildId()))));
  }

  @Override
  public Outcome<Integer> purgeGuild(PurgeGuildUseCase.Command command) {
    return allowed(
        command.actor(),
        command.guildId(),
        () -> Outcome.of(Kind.REMOVED, repository.deleteGuild(command.guildId())));
  }

  private static <T> Outcome<T> allowed(
      Actor actor, GuildId guildId, Supplier<Outcome<T>> operation) {
    return allowed(actor, Optional.of(guildId), operation);
  }

  /** Asks the actor first, then runs the operation, turning every failure into its outcome. */
  private static <T> Outcome<T> allowed(
      Actor actor, Optional<GuildId> guildId, Supplier<Outcome<T>> operation) {
    boolean mayConfigure =
        guildId.isPresent() ? actor.mayConfigure(guildId.get()) : actor.mayConfigureEveryGuild();
    if (!mayConfigure) {
      return Outcome.failed(
          Kind.NOT_ALLOWED,
          actor.who()
              + " may not configure "
              + guildId.map(g -> "guild " + g).orElse("every guild at once"));
    }
    try {
      return operation.get();
    } catch (InvalidConfigException e) {
      return Outcome.failed(Kind.INVALID, e.getMessage());
    } catch (ConfigConflictException e) {
      Kind kind =
          switch (e.reason()) {
            case OWNED_BY_ANOTHER_GUILD -> Kind.OWNED_BY_ANOTHER_GUILD;
            case UNREADABLE -> Kind.UNREADABLE;
            case VERSION_CHANGED -> Kind.CONFLICT;
          };
      return Outcome.failed(kind, e.getMessage());
    } catch (StoreUnavailableException e) {
      return Outcome.unavailable(e);
    }
  }

  private static List<UnreadableItem> channelsOnly(List<UnreadableItem> items) {
    return items.stream().filter(i -> i.kind() == UnreadableItem.Kind.CHANNEL).toList();
  }

  private static <T> Outcome<T> notTracked(ChannelId channelId, Optional<GuildId> guildId) {
    return Outcome.failed(
        Kind.NOT_TRACKED,
        "channel " + channelId + " is not tracked" + guildId.map(g -> " in guild " + g).orElse(""));
  }

  /** Ends an {@link ChangeChannelUseCase.Mode#ONLY_IF_TRACKED} change of an untracked channel. */
  private static final class NoLongerTracked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoLongerTracked() {
      super(null, null, false, false);
    }
  }
}

package io.github.botconfig.bot.internal.panel;

import io.github.botconfig.application.port.in.ChangeChannelUseCase;
import io.github.botconfig.application.port.in.ChangeSettingsUseCase;
import io.github.botconfig.application.port.in.ChannelChanges;
import io.github.botconfig.application.port.in.ConfigAdministration;
import io.github.botconfig.application.port.in.CustomChanges;
import io.github.botconfig.application.port.in.ListChannelsUseCase;
import io.github.botconfig.application.port.in.OptionalChange;
import io.github.botconfig.application.port.in.Outcome;
import io.github.botconfig.application.port.in.Outcome.Kind;
import io.github.botconfig.application.port.in.SettingsChanges;
import io.github.botconfig.application.port.in.ShowChannelUseCase;
import io.github.botconfig.application.port.in.ShowSettingsUseCase;
import io.github.botconfig.application.port.in.UntrackChannelUseCase;
import io.github.botconfig.bot.internal.admin.ConfigAdmin;
import io.github.botconfig.bot.internal.panel.PanelId.Action;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.CustomValues;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingsSchema;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.UnreadableItem;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a click on a panel does: parses the custom id and the selected values (checking every id
 * they name against the interaction's guild), calls one admin use case as the member who clicked,
 * and returns the screen to show for its outcome, drawn from what is stored. Authorisation,
 * retries, the nothing-to-change rule and ownership are the use cases'; nothing here reads or
 * writes the configuration any other way.
 *
 * <p>A click states what it sets ("pin: on"), never "flip what the panel showed", so a panel drawn
 * before a change made elsewhere applies its click to the stored value (the use case's
 * read-change-write is conditioned on the stored version) and says the panel was stale. No JDA;
 * thread-safe when the use cases are.
 */
final class PanelActions {
  private static final Logger log = LoggerFactory.getLogger(PanelActions.class);

  /** Discord's interaction lifetime: a panel older than this is redrawn, its click not applied. */
  static final Duration LIFETIME = Duration.ofMinutes(15);

  static final String EXPIRED =
      "⌛ This panel was more than 15 minutes old, so that click was not applied. Here is what is"
          + " stored now: click again.";
  static final String STALE =
      "⚠️ This was changed elsewhere since the panel was drawn; your click was applied to what is"
          + " stored, shown here.";
  static final String REFUSED = "❌ That is not part of this server; nothing changed.";

  /** Another write won every attempt of the use case: nothing of this click was saved. */
  static final String CONFLICT =
      "❌ Someone else changed this at the same moment, so your click was not saved. Click again.";

  /** The answer to a click the use cases refuse: the member may not configure the server now. */
  static final String NO_PERMISSION =
      "❌ You need the **Manage Server** permission to configure this bot, so this panel is closed.";

  /** The answer to opening a panel the use cases refuse. */
  static final String NO_PERMISSION_TO_OPEN =
      "❌ You need the **Manage Server** permission to configure this bot.";

  private static final Set<String> QUICK_THRESHOLDS = Set.of("TP", "SL", "TP/SL", "none");

  private final ConfigAdministration useCases;
  private final Clock clock;
  private final SettingsSchema schema;

  PanelActions(ConfigAdministration useCases, Clock clock) {
    this(useCases, clock, SettingsSchema.none());
  }

  /**
   * @param schema the project's own setting keys, which the server's and each channel's views list
   *     and edit beside the built-in options
   */
  PanelActions(ConfigAdministration useCases, Clock clock, SettingsSchema schema) {
    this.useCases = useCases;
    this.clock = clock;
    this.schema = schema;
  }

  /** {@code /config panel}: the first setup where nothing is configured, else the overview. */
  Screen open(GuildView guild) {
    return orClosed(
        guild,
        NO_PERMISSION_TO_OPEN,
        () -> isNew(guild) ? setup(guild, Screen.Step.CHANNELS, "") : overview(guild, ""));
  }

  /**
   * Whether a server that just added the bot gets the welcome: nothing at all is configured for it
   * (no settings, no channel, nothing unreadable). False when that cannot be read.
   */
  boolean welcomes(GuildView guild) {
    try {
      return isNew(guild);
    } catch (Failed e) {
      log.warn("no welcome for guild {}: {}", guild.id(), e.outcome);
      return false;
    }
  }

  private boolean isNew(GuildView guild) {
    ListChannelsUseCase.Listing listing = listing(guild);
    return !storedSettings(guild).stored()
        && listing.channels().isEmpty()
        && listing.unreadable().isEmpty();
  }

  /**
   * Applies the click {@code id}, with the values the member selected or typed, in {@code guild}.
   */
  Screen click(PanelId id, List<String> values, GuildView guild) {
    try {
      if (clock.instant().getEpochSecond() - id.drawnAt() > LIFETIME.toSeconds()) {
        return redraw(id, guild, EXPIRED);
      }
      return apply(id, values, guild);
    } catch (Refused e) {
      log.warn(
          "refused panel click {} by {} in guild {}: {}",
          id.encode(),
          guild.actor().who(),
          guild.id(),
          e.getMessage());
      return orClosed(guild, NO_PERMISSION, () -> overview(guild, REFUSED));
    } catch (Failed e) {
      if (e.outcome.kind() == Kind.NOT_ALLOWED) {
        return notAllowed(guild, NO_PERMISSION);
      }
      String text =
          e.outcome.kind() == Kind.CONFLICT
              ? CONFLICT
              : ConfigAdmin.failure(e.outcome, NO_PERMISSION);
      return orClosed(guild, NO_PERMISSION, () -> redraw(id, guild, text));
    }
  }

  private Screen apply(PanelId id, List<String> values, GuildView guild) {
    Action action = id.action();
    switch (action) {
      case OVERVIEW -> {
        return overview(guild, "");
      }
      case SERVER -> {
        return server(guild, settings(guild), "");
      }
      case OPEN -> {
        ChannelId channel = ownChannel(guild, single(values));
        Outcome<ChannelConfig> shown = show(guild, channel);
        return switch (shown.kind()) {
          case FOUND -> new Screen.Channel(named(guild, shown.get()), "");
          case NOT_TRACKED -> overview(guild, notTracked(channel));
          case OWNED_BY_ANOTHER_GUILD -> overview(guild, ownedElsewhere(channel));
          default -> throw new Failed(shown);
        };
      }
      case ADD -> {
        return add(guild, ownChannel(guild, single(values)));
      }
      case REMOVE_PICKED -> {
        return untrack(guild, ChannelId.of(id(single(values))));
      }
      case SETUP_TRACK -> {
        // Every value is checked before the first write: a forged one changes nothing.
        List<ChannelId> picked = values.stream().map(v -> ownChannel(guild, v)).toList();
        return setup(guild, Screen.Step.GLOBAL_CHANNEL, trackAll(guild, picked));
      }
      case SETUP_GLOBAL -> {
        if (!values.isEmpty()) {
          ChannelId global = ownChannel(guild, single(values));
          changeSettings(guild, changes(OptionalChange.set(global)));
        }
        return setup(guild, Screen.Step.SUMMARIES, "");
      }
      case SETUP_SUMMARIES -> {
        changeSettings(guild, summaryToggle(id.arg()));
        return setup(guild, Screen.Step.SUMMARIES, "");
      }
      case SETUP_FINISH -> {
        return overview(guild, "✅ Set up. Everything can be changed here at any time.");
      }
      default -> {
        return action.onChannel() ? onChannel(id, values, guild) : onServer(id, values, guild);
      }
    }
  }

  private Screen onChannel(PanelId id, List<String> values, GuildView guild) {
    ChannelId channelId =
        target(id)
            .orElseThrow(
                () ->
                    new Refused(
                        "target " + Long.toUnsignedString(id.target()) + " is not a channel id"));
    Outcome<ChannelConfig> shown = show(guild, channelId);
    if (shown.kind() == Kind.OWNED_BY_ANOTHER_GUILD) {
      throw new Refused("channel " + channelId + " is tracked by another guild");
    }
    if (!guild.hasChannel(channelId)) {
      // Deleted while the panel was open (then untracked by the lifecycle, or about to be), or
      // forged: either way the flow ends here, and a forged id is in the log.
      log.warn(
          "panel click {} by {} in guild {}: channel {} is not a channel of this guild",
          id.encode(),
          guild.actor().who(),
          guild.id(),
          channelId);
      return new Screen.Closed(
          "❌ The channel "
              + PanelText.channel(channelId)
              + " is not a channel of this server (any more), so this panel is closed. Open a new"
              + " one with `/config panel`.");
    }
    if (shown.kind() == Kind.NOT_TRACKED) {
      return overview(guild, notTracked(channelId));
    }
    ChannelConfig stored = get(shown);
    String stale = stored.version() == id.version() ? "" : STALE + "\n";
    Action action = id.action();
    if (action == Action.UNTRACK) {
      return untrack(guild, channelId);
    }
    if (action == Action.CHANNEL_KEYS) {
      return id.arg().equals(BACK_ARG)
          ? new Screen.Channel(named(guild, stored), stale.strip())
          : declared(stored, guild, stale.strip());
    }
    if (action == Action.CHANNEL_KEY_FORM) {
      SettingKey<?> key = declaredKey(SettingKey.Scope.CHANNEL, single(values));
      return new Screen.Form(
          id.withAction(Action.CHANNEL_KEY_SUBMIT).withArg(PanelId.NO_ARG),
          current(key, stored.custom()),
          key.name());
    }
    if (action == Action.CHANNEL_KEY_SUBMIT) {
      SettingKey<?> key = declaredKey(SettingKey.Scope.CHANNEL, keyName(values));
      CustomChanges custom;
      try {
        custom = customChange(SettingKey.Scope.CHANNEL, key, values.get(1));
      } catch (InvalidConfigException e) {
        return declared(stored, guild, "❌ " + e.getMessage() + "; nothing changed.");
      }
      return saveChannel(
          guild,
          channelId,
          ChannelChanges.none().withCustom(custom),
          saved -> declared(saved, guild, stale + "✅ " + customDone(key, saved.custom())));
    }
    if (action == Action.PERCENT_FORM) {
      return new Screen.Form(
          id.withAction(Action.PERCENT_SUBMIT).withArg(PanelId.NO_ARG),
          stored.threshold().percent().isPresent() ? stored.threshold().toString() : "");
    }
    ChannelChanges changes;
    String done;
    switch (action) {
      case IMAGE -> {
        changes = channelChange(toggle(id), null, null, OptionalChange.keep(), null, null);
        done = "Image turned " + PanelText.onOff(toggle(id));
      }
      case PIN -> {
        changes = channelChange(null, toggle(id), null, OptionalChange.keep(), null, null);
        done = "Pin turned " + PanelText.onOff(toggle(id));
      }
      case NOTIFY -> {
        changes = channelChange(null, null, toggle(id), OptionalChange.keep(), null, null);
        done = "Answers to reports turned " + PanelText.onOff(toggle(id));
      }
      case REPORTERS -> {
        Reporters reporters = reporters(id);
        changes = channelChange(null, null, null, OptionalChange.keep(), null, reporters);
        done = "Reports now count from " + PanelText.reporters(reporters);
      }
      case THRESHOLD -> {
        if (!QUICK_THRESHOLDS.contains(id.arg())) {
          throw new Refused("threshold '" + id.arg() + "' is not one of the panel's");
        }
        changes = thresholdChange(Threshold.parse(id.arg()));
        done = "Threshold set to " + PanelText.threshold(Threshold.parse(id.arg()));
      }
      case PERCENT_SUBMIT -> {
        Threshold threshold;
        try {
          threshold = Threshold.parse(single(values).trim().replace(',', '.').replace("%", ""));
        } catch (InvalidConfigException e) {
          return new Screen.Channel(
              named(guild, stored), "❌ " + e.getMessage() + "; nothing changed.");
        }
        changes = thresholdChange(threshold);
        done = "Threshold set to " + PanelText.threshold(threshold);
      }
      case TAG_USER -> {
        changes = tagChange(OptionalChange.set(Tag.user(id(single(values)))));
        done = "Alerts now mention " + Tag.user(id(single(values))).mention();
      }
      case TAG_ROLE -> {
        Tag role = ownRole(guild, single(values));
        Optional<String> refusal = guild.roleRefusal(role.id());
        if (refusal.isPresent()) {
          return new Screen.Channel(
              named(guild, stored), "❌ " + refusal.get() + "; nothing changed.");
        }
        changes = tagChange(OptionalChange.set(role));
        done = "Alerts now mention " + role.mention();
      }
      case TAG_CLEAR -> {
        changes = tagChange(OptionalChange.cleared());
        done = "Alerts mention nobody";
      }
      default -> throw new Refused("action " + action + " is not one of a channel's");
    }
    String notice = stale + "✅ " + done + ".";
    return saveChannel(
        guild, channelId, changes, saved -> new Screen.Channel(named(guild, saved), notice));
  }

  /**
   * Writes a channel's changes, only while it is tracked, and answers with {@code shown} of what
   * was stored.
   */
  private Screen saveChannel(
      GuildView guild,
      ChannelId channelId,
      ChannelChanges changes,
      java.util.function.Function<ChannelConfig, Screen> shown) {
    Outcome<ChannelConfig> saved =
        useCases.changeChannel(
            new ChangeChannelUseCase.Command(
                guild.actor(),
                guild.id(),
                channelId,
                changes,
                ChangeChannelUseCase.Mode.ONLY_IF_TRACKED));
    return switch (saved.kind()) {
      case CHANGED, UNCHANGED, CREATED -> shown.apply(saved.get());
      // Tracked by another guild between the check above and the write: the store refused it.
      case OWNED_BY_ANOTHER_GUILD -> overview(guild, ownedElsewhere(channelId));
      // Untracked between the check above and the write: a button of a channel's view never
      // tracks it again.
      case NOT_TRACKED -> overview(guild, notTracked(channelId));
      default -> throw new Failed(saved);
    };
  }

  private Screen onServer(PanelId id, List<String> values, GuildView guild) {
    GuildSettings stored = settings(guild);
    String stale = stored.version() == id.version() ? "" : STALE + "\n";
    Action action = id.action();
    SettingsChanges changes;
    String done;
    switch (action) {
      case SERVER_KEYS -> {
        return declared(stored, stale.strip());
      }
      case SERVER_KEY_FORM -> {
        SettingKey<?> key = declaredKey(SettingKey.Scope.GUILD, single(values));
        return new Screen.Form(
            id.withAction(Action.SERVER_KEY_SUBMIT), current(key, stored.custom()), key.name());
      }
      case SERVER_KEY_SUBMIT -> {
        SettingKey<?> key = declaredKey(SettingKey.Scope.GUILD, keyName(values));
        CustomChanges custom;
        try {
          custom = customChange(SettingKey.Scope.GUILD, key, values.get(1));
        } catch (InvalidConfigException e) {
          return declared(stored, "❌ " + e.getMessage() + "; nothing changed.");
        }
        GuildSettings saved = changeSettings(guild, SettingsChanges.none().withCustom(custom));
        return declared(saved, stale + "✅ " + customDone(key, saved.custom()));
      }
      case TIMEZONE_FORM -> {
        return new Screen.Form(id.withAction(Action.TIMEZONE_SUBMIT), stored.timezone().getId());
      }
      case TIMEZONE_SUBMIT -> {
        ZoneId zone;
        try {
          zone = GuildSettings.parseTimezone(single(values).trim());
        } catch (InvalidConfigException e) {
          return afterServerChange(id, guild, stored, "❌ " + e.getMessage() + "; nothing changed.");
        }
        changes = timezoneChange(zone);
        done = "Time zone set to " + zone.getId();
      }
      case GLOBAL -> {
        ChannelId global = ownChannel(guild, single(values));
        changes = changes(OptionalChange.set(global));
        done = "Summaries and the live board now go to " + PanelText.channel(global);
      }
      case GLOBAL_CLEAR -> {
        changes = changes(OptionalChange.cleared());
        done = "No global channel: summaries and the live board are not posted";
      }
      case BOARD, DAILY, WEEKLY, MONTHLY, SUMMARY_PIN -> {
        changes = serverToggle(action, toggle(id));
        done = PanelText.serverToggleName(action) + " turned " + PanelText.onOff(toggle(id));
      }
      case SUMMARY_USER -> {
        changes = summaryTag(OptionalChange.set(Tag.user(id(single(values)))));
        done = "Summaries now mention " + Tag.user(id(single(values))).mention();
      }
      case SUMMARY_ROLE -> {
        Tag role = ownRole(guild, single(values));
        Optional<String> refusal = guild.roleRefusal(role.id());
        if (refusal.isPresent()) {
          return afterServerChange(id, guild, stored, "❌ " + refusal.get() + "; nothing changed.");
        }
        changes = summaryTag(OptionalChange.set(role));
        done = "Summaries now mention " + role.mention();
      }
      case SUMMARY_CLEAR -> {
        changes = summaryTag(OptionalChange.cleared());
        done = "Summaries mention nobody";
      }
      default -> throw new Refused("action " + action + " is not one of the server's");
    }
    GuildSettings saved = changeSettings(guild, changes);
    return afterServerChange(id, guild, saved, stale + "✅ " + done + ".");
  }

  /** The server view, or the setup's last step when the form was opened from there. */
  private Screen afterServerChange(
      PanelId id, GuildView guild, GuildSettings settings, String notice) {
    return id.arg().equals(SETUP_ARG)
        ? setup(guild, Screen.Step.SUMMARIES, notice)
        : server(guild, settings, notice);
  }

  /** The argument of a time zone form opened from the setup. */
  static final String SETUP_ARG = "w";

  /** The argument of the declared settings' button back to the channel's view. */
  static final String BACK_ARG = "v";

  private Screen.Declared declared(GuildSettings settings, String notice) {
    return new Screen.Declared(
        SettingKey.Scope.GUILD,
        0,
        settings.version(),
        "Server settings",
        schema.keys(SettingKey.Scope.GUILD),
        settings.custom(),
        notice);
  }

  private Screen.Declared declared(ChannelConfig channel, GuildView guild, String notice) {
    return new Screen.Declared(
        SettingKey.Scope.CHANNEL,
        channel.channelId().value(),
        channel.version(),
        guild.channelName(channel.channelId()),
        schema.keys(SettingKey.Scope.CHANNEL),
        channel.custom(),
        notice);
  }

  /**
   * The key a select or a form names: only data, so one the schema does not declare for the scope
   * is refused and logged like a forged id.
   */
  private SettingKey<?> declaredKey(SettingKey.Scope scope, String name) {
    return schema
        .key(scope, name)
        .orElseThrow(
            () ->
                new Refused(
                    "'"
                        + (name.length() > 64 ? name.substring(0, 64) + "…" : name)
                        + "' is not a declared "
                        + scope.name().toLowerCase(java.util.Locale.ROOT)
                        + " setting key"));
  }

  /** A key form's submission: the key's name, then the text typed. */
  private static String keyName(List<String> values) {
    if (values.size() != 2) {
      throw new Refused("a setting form sends a key and a value, got " + values.size() + " values");
    }
    return values.get(0);
  }

  /**
   * What {@code /config … set: KEY=VALUE} would change, read the same way; an empty form resets the
   * key, as {@code reset: KEY} does.
   */
  private CustomChanges customChange(SettingKey.Scope scope, SettingKey<?> key, String text) {
    return text.isBlank()
        ? CustomChanges.parse(schema, scope, List.of(), List.of(key.name()))
        : CustomChanges.parse(schema, scope, List.of(key.name() + "=" + text), List.of());
  }

  /** The value a key's form starts with: the stored one, or empty when the default applies. */
  private static String current(SettingKey<?> key, CustomValues values) {
    return values.isStored(key) ? formatted(key, values) : "";
  }

  private static <T> String formatted(SettingKey<T> key, CustomValues values) {
    return key.format(values.get(key));
  }

  private static String customDone(SettingKey<?> key, CustomValues values) {
    return values.isStored(key)
        ? key.name() + " set to `" + formatted(key, values) + "`."
        : key.name() + " is back to its default, `" + formatted(key, values) + "`.";
  }

  private Screen add(GuildView guild, ChannelId channelId) {
    Outcome<ChannelConfig> shown = show(guild, channelId);
    switch (shown.kind()) {
      case FOUND -> {
        return new Screen.Channel(
            named(guild, shown.get()), PanelText.channel(channelId) + " is already tracked.");
      }
      case OWNED_BY_ANOTHER_GUILD -> {
        return overview(guild, ownedElsewhere(channelId));
      }
      case NOT_TRACKED -> {
        Outcome<ChannelConfig> saved = track(guild, channelId);
        return switch (saved.kind()) {
          case CREATED, CHANGED, UNCHANGED ->
              new Screen.Channel(
                  named(guild, saved.get()),
                  "✅ "
                      + PanelText.channel(channelId)
                      + " is now tracked, with the default options.");
          // Tracked by another guild between the check above and the write: the store refused it.
          case OWNED_BY_ANOTHER_GUILD -> overview(guild, ownedElsewhere(channelId));
          default -> throw new Failed(saved);
        };
      }
      default -> throw new Failed(shown);
    }
  }

  /** Tracks the channels picked in the first setup; says how many, and which were refused. */
  private String trackAll(GuildView guild, List<ChannelId> picked) {
    int tracked = 0;
    List<String> refused = new ArrayList<>();
    for (ChannelId channel : picked) {
      Outcome<ChannelConfig> saved = track(guild, channel);
      if (saved.succeeded()) {
        tracked++;
      } else if (saved.kind() == Kind.OWNED_BY_ANOTHER_GUILD) {
        refused.add(ownedElsewhere(channel));
      } else {
        throw new Failed(saved);
      }
    }
    String done =
        tracked == 0
            ? ""
            : "✅ Tracking "
                + tracked
                + " channel"
                + (tracked == 1 ? "" : "s")
                + ", with the default options.";
    refused.add(0, done);
    return String.join("\n", refused.stream().filter(t -> !t.isEmpty()).toList());
  }

  private Outcome<ChannelConfig> track(GuildView guild, ChannelId channelId) {
    return useCases.changeChannel(
        new ChangeChannelUseCase.Command(
            guild.actor(), guild.id(), channelId, ChannelChanges.none()));
  }

  private Screen untrack(GuildView guild, ChannelId channelId) {
    Outcome<ChannelId> removed =
        useCases.untrackChannel(
            new UntrackChannelUseCase.Command(guild.actor(), guild.id(), channelId));
    return switch (removed.kind()) {
      case REMOVED ->
          overview(guild, "✅ " + PanelText.channel(channelId) + " is no longer tracked.");
      case NOT_TRACKED -> overview(guild, notTracked(channelId));
      default -> throw new Failed(removed);
    };
  }

  /** The screen the click was made on, drawn anew from what is stored. */
  private Screen redraw(PanelId id, GuildView guild, String notice) {
    Action action = id.action();
    if (action.onChannel()) {
      Optional<ChannelConfig> tracked =
          target(id).filter(guild::hasChannel).flatMap(c -> show(guild, c).value());
      return tracked
          .<Screen>map(c -> new Screen.Channel(named(guild, c), notice))
          .orElseGet(() -> overview(guild, notice));
    }
    if (action.onServer()) {
      return afterServerChange(id, guild, settings(guild), notice);
    }
    if (action.name().startsWith("SETUP")) {
      return setup(guild, Screen.Step.CHANNELS, notice);
    }
    return overview(guild, notice);
  }

  /** The overview, for the listener's answer to a click it cannot read. */
  Screen refused(GuildView guild) {
    return orClosed(guild, NO_PERMISSION, () -> overview(guild, REFUSED));
  }

  private Screen overview(GuildView guild, String notice) {
    ListChannelsUseCase.Listing listing = listing(guild);
    List<String> unreadable = new ArrayList<>();
    for (UnreadableItem item : listing.unreadable()) {
      item.channelId()
          .ifPresent(c -> unreadable.add(PanelText.channel(c) + " is " + item.describe()));
    }
    return new Screen.Overview(
        settings(guild),
        listing.channels().stream().map(c -> named(guild, c)).toList(),
        unreadable,
        notice);
  }

  private Screen server(GuildView guild, GuildSettings settings, String notice) {
    return new Screen.Server(
        settings,
        clock.instant().atZone(settings.timezone()),
        guild.warnings(settings),
        notice,
        schema.keys(SettingKey.Scope.GUILD));
  }

  private Screen setup(GuildView guild, Screen.Step step, String notice) {
    return new Screen.Setup(step, settings(guild), channels(guild), notice);
  }

  /**
   * The screen {@code screen} draws, or where a use case refuses to read: the member may not
   * configure the server ({@code notAllowed}), or what went wrong, with no component.
   */
  private Screen orClosed(GuildView guild, String notAllowed, Supplier<Screen> screen) {
    try {
      return screen.get();
    } catch (Failed e) {
      return e.outcome.kind() == Kind.NOT_ALLOWED
          ? notAllowed(guild, notAllowed)
          : new Screen.Closed(ConfigAdmin.failure(e.outcome, notAllowed));
    }
  }

  private static Screen notAllowed(GuildView guild, String text) {
    log.info(
        "panel interaction refused: {} may not configure guild {}",
        guild.actor().who(),
        guild.id());
    return new Screen.Closed(text);
  }

  private ShowSettingsUseCase.StoredSettings storedSettings(GuildView guild) {
    return get(useCases.showSettings(new ShowSettingsUseCase.Query(guild.actor(), guild.id())));
  }

  private GuildSettings settings(GuildView guild) {
    return storedSettings(guild).settings();
  }

  private ListChannelsUseCase.Listing listing(GuildView guild) {
    return get(
        useCases.listChannels(
            new ListChannelsUseCase.Query(guild.actor(), Optional.of(guild.id()))));
  }

  private List<Screen.Tracked> channels(GuildView guild) {
    return listing(guild).channels().stream().map(c -> named(guild, c)).toList();
  }

  private Outcome<ChannelConfig> show(GuildView guild, ChannelId channelId) {
    return useCases.showChannel(
        new ShowChannelUseCase.Query(guild.actor(), Optional.of(guild.id()), channelId));
  }

  private GuildSettings changeSettings(GuildView guild, SettingsChanges changes) {
    return get(
        useCases.changeSettings(
            new ChangeSettingsUseCase.Command(guild.actor(), guild.id(), changes)));
  }

  private static <T> T get(Outcome<T> outcome) {
    if (!outcome.succeeded()) {
      throw new Failed(outcome);
    }
    return outcome.get();
  }

  private Screen.Tracked named(GuildView guild, ChannelConfig config) {
    return new Screen.Tracked(
        config, guild.channelName(config.channelId()), schema.keys(SettingKey.Scope.CHANNEL));
  }

  /** The channel a custom id names; empty when the number is no snowflake (0, or over 63 bits). */
  private static Optional<ChannelId> target(PanelId id) {
    try {
      return Optional.of(ChannelId.of(id.target()));
    } catch (InvalidConfigException e) {
      return Optional.empty();
    }
  }

  private static ChannelId ownChannel(GuildView guild, String value) {
    ChannelId channelId = ChannelId.of(id(value));
    if (!guild.hasChannel(channelId)) {
      throw new Refused("channel " + channelId + " is not a channel of this guild");
    }
    return channelId;
  }

  /** The role a select names, refused unless it is one of this guild's. */
  private static Tag ownRole(GuildView guild, String value) {
    long role = id(value);
    if (!guild.hasRole(role)) {
      throw new Refused("role " + Long.toUnsignedString(role) + " is not a role of this guild");
    }
    return Tag.role(role);
  }

  private static long id(String value) {
    try {
      return ChannelId.of(value).value(); // the same snowflake rules for users and roles
    } catch (InvalidConfigException e) {
      throw new Refused("'" + value + "' is not a Discord id");
    }
  }

  private static String single(List<String> values) {
    if (values.size() != 1) {
      throw new Refused("expected one value, got " + values.size());
    }
    return values.get(0);
  }

  private static boolean toggle(PanelId id) {
    return switch (id.arg()) {
      case "1" -> true;
      case "0" -> false;
      default -> throw new Refused("a toggle is 1 or 0, got '" + id.arg() + "'");
    };
  }

  private static Reporters reporters(PanelId id) {
    try {
      return Reporters.parse(id.arg());
    } catch (InvalidConfigException e) {
      throw new Refused(e.getMessage());
    }
  }

  private static String notTracked(ChannelId channelId) {
    return PanelText.channel(channelId)
        + " is not tracked (any more); nothing changed. Here is what is tracked now.";
  }

  private static String ownedElsewhere(ChannelId channelId) {
    return "❌ "
        + PanelText.channel(channelId)
        + " is tracked by another server; it can only be configured there. Nothing changed.";
  }

  private static ChannelChanges channelChange(
      @Nullable Boolean image,
      @Nullable Boolean pin,
      @Nullable Boolean notify,
      OptionalChange<Tag> tag,
      @Nullable Threshold threshold,
      @Nullable Reporters reporters) {
    return new ChannelChanges(
        Optional.ofNullable(image),
        Optional.ofNullable(pin),
        Optional.ofNullable(notify),
        tag,
        Optional.ofNullable(threshold),
        Optional.ofNullable(reporters));
  }

  private static ChannelChanges thresholdChange(Threshold threshold) {
    return channelChange(null, null, null, OptionalChange.keep(), threshold, null);
  }

  private static ChannelChanges tagChange(OptionalChange<Tag> tag) {
    return channelChange(null, null, null, tag, null, null);
  }

  private static SettingsChanges changes(OptionalChange<ChannelId> global) {
    SettingsChanges none = SettingsChanges.none();
    return new SettingsChanges(
        none.timezone(),
        none.board(),
        none.dailySummary(),
        none.weeklySummary(),
        none.monthlySummary(),
        none.summaryTag(),
        none.summaryPin(),
        global);
  }

  private static SettingsChanges timezoneChange(ZoneId zone) {
    SettingsChanges none = SettingsChanges.none();
    return new SettingsChanges(
        Optional.of(zone),
        none.board(),
        none.dailySummary(),
        none.weeklySummary(),
        none.monthlySummary(),
        none.summaryTag(),
        none.summaryPin(),
        none.globalChannel());
  }

  private static SettingsChanges summaryTag(OptionalChange<Tag> tag) {
    SettingsChanges none = SettingsChanges.none();
    return new SettingsChanges(
        none.timezone(),
        none.board(),
        none.dailySummary(),
        none.weeklySummary(),
        none.monthlySummary(),
        tag,
        none.summaryPin(),
        none.globalChannel());
  }

  private static SettingsChanges serverToggle(Action action, boolean on) {
    Optional<Boolean> value = Optional.of(on);
    Optional<Boolean> keep = Optional.empty();
    return new SettingsChanges(
        Optional.empty(),
        action == Action.BOARD ? value : keep,
        action == Action.DAILY ? value : keep,
        action == Action.WEEKLY ? value : keep,
        action == Action.MONTHLY ? value : keep,
        OptionalChange.keep(),
        action == Action.SUMMARY_PIN ? value : keep,
        OptionalChange.keep());
  }

  /** The setup's summary toggles: {@code d1}, {@code w0}, … (kind, then on or off). */
  private static SettingsChanges summaryToggle(String arg) {
    if (arg.length() != 2 || "dwm".indexOf(arg.charAt(0)) < 0 || "01".indexOf(arg.charAt(1)) < 0) {
      throw new Refused("a summary toggle is d, w or m then 1 or 0, got '" + arg + "'");
    }
    Action kind =
        arg.charAt(0) == 'd' ? Action.DAILY : arg.charAt(0) == 'w' ? Action.WEEKLY : Action.MONTHLY;
    return serverToggle(kind, arg.charAt(1) == '1');
  }

  /** A click that names what is not this guild's, or that no panel draws: refused and logged. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** A use case's failed outcome, answered by {@link #click} on the panel. */
  private static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialised
    final Outcome<?> outcome;

    Failed(Outcome<?> outcome) {
      super(outcome.toString(), null, false, false);
      this.outcome = outcome;
    }
  }
}

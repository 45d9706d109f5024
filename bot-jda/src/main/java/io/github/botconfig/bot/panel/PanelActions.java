package io.github.botconfig.bot.panel;

import io.github.botconfig.application.port.in.ChannelChanges;
import io.github.botconfig.application.port.in.OptionalChange;
import io.github.botconfig.application.port.in.SettingsChanges;
import io.github.botconfig.bot.admin.ConfigAdmin;
import io.github.botconfig.bot.panel.PanelId.Action;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigException;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a click on a panel does: checks what the custom id and the selected values name against the
 * interaction's guild, applies the change to the stored configuration (read from the repository the
 * panel was drawn from, written with its version, re-read and re-applied on a conflict), and
 * returns the screen to show, read back from what was stored.
 *
 * <p>A click states what it sets ("pin: on"), never "flip what the panel showed", so a panel drawn
 * before a change made elsewhere applies its click to the stored value and says the panel was
 * stale. Whether the member may configure the guild is checked by the caller, before. No JDA;
 * thread-safe when the repository is.
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
  private static final Set<String> QUICK_THRESHOLDS = Set.of("TP", "SL", "TP/SL", "none");

  private final ConfigRepository repository;
  private final Clock clock;

  PanelActions(ConfigRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** {@code /config panel}: the first setup where nothing is configured, else the overview. */
  Screen open(GuildView guild) {
    return isNew(guild) ? setup(guild, Screen.Step.CHANNELS, "") : overview(guild, "");
  }

  /** Whether nothing at all is configured for the guild: no settings, no tracked channel. */
  boolean isNew(GuildView guild) {
    return repository.findSettings(guild.id()).isEmpty()
        && repository.findChannels(guild.id()).isEmpty();
  }

  /**
   * Applies the click {@code id}, with the values the member selected or typed, in {@code guild}.
   */
  Screen click(PanelId id, List<String> values, GuildView guild, long userId) {
    if (clock.instant().getEpochSecond() - id.drawnAt() > LIFETIME.toSeconds()) {
      return redraw(id, guild, EXPIRED);
    }
    try {
      return apply(id, values, guild, userId);
    } catch (Refused e) {
      log.warn(
          "refused panel click {} by user {} in guild {}: {}",
          id.encode(),
          Long.toUnsignedString(userId),
          guild.id(),
          e.getMessage());
      return overview(guild, REFUSED);
    } catch (ConfigException e) {
      return redraw(id, guild, ConfigAdmin.failure(e));
    }
  }

  private Screen apply(PanelId id, List<String> values, GuildView guild, long userId) {
    Action action = id.action();
    switch (action) {
      case OVERVIEW -> {
        return overview(guild, "");
      }
      case SERVER -> {
        return server(guild, repository.settingsOrDefaults(guild.id()), "");
      }
      case OPEN -> {
        ChannelId channel = ownChannel(guild, single(values));
        return tracked(guild, channel)
            .<Screen>map(c -> new Screen.Channel(c, ""))
            .orElseGet(() -> overview(guild, notTracked(channel)));
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
        for (ChannelId channel : picked) {
          repository.updateChannel(guild.id(), channel, ChannelChanges.none()::applyTo);
        }
        return setup(guild, Screen.Step.GLOBAL_CHANNEL, tracking(values.size()));
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
        return action.onChannel()
            ? onChannel(id, values, guild, userId)
            : onServer(id, values, guild);
      }
    }
  }

  private Screen onChannel(PanelId id, List<String> values, GuildView guild, long userId) {
    ChannelId channelId =
        target(id)
            .orElseThrow(
                () ->
                    new Refused(
                        "target " + Long.toUnsignedString(id.target()) + " is not a channel id"));
    Optional<ChannelConfig> stored = repository.findChannel(channelId);
    if (stored.isPresent() && !stored.get().guildId().equals(guild.id())) {
      throw new Refused("channel " + channelId + " is tracked by another guild");
    }
    if (!guild.hasChannel(channelId)) {
      // Deleted while the panel was open (then untracked by the lifecycle, or about to be), or
      // forged: either way the flow ends here, and a forged id is in the log.
      log.warn(
          "panel click {} by user {} in guild {}: channel {} is not a channel of this guild",
          id.encode(),
          Long.toUnsignedString(userId),
          guild.id(),
          channelId);
      return new Screen.Closed(
          "❌ The channel "
              + PanelText.channel(channelId)
              + " is not a channel of this server (any more), so this panel is closed. Open a new"
              + " one with `/config panel`.");
    }
    if (stored.isEmpty()) {
      return overview(guild, notTracked(channelId));
    }
    String stale = stored.get().version() == id.version() ? "" : STALE + "\n";
    Action action = id.action();
    if (action == Action.UNTRACK) {
      return untrack(guild, channelId);
    }
    if (action == Action.PERCENT_FORM) {
      return new Screen.Form(
          id.withAction(Action.PERCENT_SUBMIT).withArg(PanelId.NO_ARG),
          stored.get().threshold().percent().isPresent()
              ? stored.get().threshold().toString()
              : "");
    }
    ChannelChanges changes;
    String done;
    switch (action) {
      case IMAGE -> {
        changes = channelChange(toggle(id), null, null, OptionalChange.keep(), null);
        done = "Image turned " + PanelText.onOff(toggle(id));
      }
      case PIN -> {
        changes = channelChange(null, toggle(id), null, OptionalChange.keep(), null);
        done = "Pin turned " + PanelText.onOff(toggle(id));
      }
      case NOTIFY -> {
        changes = channelChange(null, null, toggle(id), OptionalChange.keep(), null);
        done = "Answers to reports turned " + PanelText.onOff(toggle(id));
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
              named(guild, stored.get()), "❌ " + e.getMessage() + "; nothing changed.");
        }
        changes = thresholdChange(threshold);
        done = "Threshold set to " + PanelText.threshold(threshold);
      }
      case TAG_USER -> {
        changes = tagChange(OptionalChange.set(Tag.user(id(single(values)))));
        done = "Alerts now mention " + Tag.user(id(single(values))).mention();
      }
      case TAG_ROLE -> {
        changes = tagChange(OptionalChange.set(ownRole(guild, single(values))));
        done = "Alerts now mention " + ownRole(guild, single(values)).mention();
      }
      case TAG_CLEAR -> {
        changes = tagChange(OptionalChange.cleared());
        done = "Alerts mention nobody";
      }
      default -> throw new Refused("action " + action + " is not one of a channel's");
    }
    ChannelConfig saved = repository.updateChannel(guild.id(), channelId, changes::applyTo).after();
    return new Screen.Channel(named(guild, saved), stale + "✅ " + done + ".");
  }

  private Screen onServer(PanelId id, List<String> values, GuildView guild) {
    GuildSettings stored = repository.settingsOrDefaults(guild.id());
    String stale = stored.version() == id.version() ? "" : STALE + "\n";
    Action action = id.action();
    SettingsChanges changes;
    String done;
    switch (action) {
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
        changes = summaryTag(OptionalChange.set(ownRole(guild, single(values))));
        done = "Summaries now mention " + ownRole(guild, single(values)).mention();
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

  private GuildSettings changeSettings(GuildView guild, SettingsChanges changes) {
    return repository.updateSettings(guild.id(), changes::applyTo).after();
  }

  private Screen add(GuildView guild, ChannelId channelId) {
    Optional<ChannelConfig> tracked = tracked(guild, channelId).map(Screen.Tracked::config);
    if (tracked.isPresent()) {
      return new Screen.Channel(
          named(guild, tracked.get()), PanelText.channel(channelId) + " is already tracked.");
    }
    ChannelConfig saved =
        repository.updateChannel(guild.id(), channelId, ChannelChanges.none()::applyTo).after();
    return new Screen.Channel(
        named(guild, saved),
        "✅ " + PanelText.channel(channelId) + " is now tracked, with the default options.");
  }

  private Screen untrack(GuildView guild, ChannelId channelId) {
    boolean removed = repository.deleteChannel(guild.id(), channelId);
    return overview(
        guild,
        removed
            ? "✅ " + PanelText.channel(channelId) + " is no longer tracked."
            : notTracked(channelId));
  }

  /** The screen the click was made on, drawn anew from what is stored. */
  private Screen redraw(PanelId id, GuildView guild, String notice) {
    Action action = id.action();
    if (action.onChannel()) {
      Optional<Screen.Tracked> tracked =
          target(id).filter(guild::hasChannel).flatMap(c -> tracked(guild, c));
      return tracked
          .<Screen>map(c -> new Screen.Channel(c, notice))
          .orElseGet(() -> overview(guild, notice));
    }
    if (action.onServer()) {
      return afterServerChange(id, guild, repository.settingsOrDefaults(guild.id()), notice);
    }
    if (action.name().startsWith("SETUP")) {
      return setup(guild, Screen.Step.CHANNELS, notice);
    }
    return overview(guild, notice);
  }

  Screen overview(GuildView guild, String notice) {
    return new Screen.Overview(repository.settingsOrDefaults(guild.id()), channels(guild), notice);
  }

  private Screen server(GuildView guild, GuildSettings settings, String notice) {
    return new Screen.Server(
        settings, clock.instant().atZone(settings.timezone()), guild.warnings(settings), notice);
  }

  private Screen setup(GuildView guild, Screen.Step step, String notice) {
    return new Screen.Setup(
        step, repository.settingsOrDefaults(guild.id()), channels(guild), notice);
  }

  private List<Screen.Tracked> channels(GuildView guild) {
    return repository.findChannels(guild.id()).stream().map(c -> named(guild, c)).toList();
  }

  private Optional<Screen.Tracked> tracked(GuildView guild, ChannelId channelId) {
    return repository
        .findChannel(channelId)
        .filter(c -> c.guildId().equals(guild.id()))
        .map(c -> named(guild, c));
  }

  private static Screen.Tracked named(GuildView guild, ChannelConfig config) {
    return new Screen.Tracked(config, guild.channelName(config.channelId()));
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

  private static Tag ownRole(GuildView guild, String value) {
    long role = id(value);
    if (!guild.hasRole(role)) {
      throw new Refused("role " + Long.toUnsignedString(role) + " is not a role of this guild");
    }
    Optional<String> refusal = guild.roleRefusal(role);
    if (refusal.isPresent()) {
      throw new InvalidConfigException(refusal.get()); // shown on the panel; nothing changes
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

  private static String notTracked(ChannelId channelId) {
    return PanelText.channel(channelId)
        + " is not tracked (any more); nothing changed. Here is what is tracked now.";
  }

  private static String tracking(int count) {
    return count == 0
        ? ""
        : "✅ Tracking "
            + count
            + " channel"
            + (count == 1 ? "" : "s")
            + ", with the default options.";
  }

  private static ChannelChanges channelChange(
      @Nullable Boolean image,
      @Nullable Boolean pin,
      @Nullable Boolean notify,
      OptionalChange<Tag> tag,
      @Nullable Threshold threshold) {
    return new ChannelChanges(
        Optional.ofNullable(image),
        Optional.ofNullable(pin),
        Optional.ofNullable(notify),
        tag,
        Optional.ofNullable(threshold),
        Optional.empty()); // reporters: set with /config channel set, not offered by the panel yet
  }

  private static ChannelChanges thresholdChange(Threshold threshold) {
    return channelChange(null, null, null, OptionalChange.keep(), threshold);
  }

  private static ChannelChanges tagChange(OptionalChange<Tag> tag) {
    return channelChange(null, null, null, tag, null);
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
}

package io.github.botconfig.bot.internal.panel;

import io.github.botconfig.bot.internal.admin.ConfigText;
import io.github.botconfig.bot.internal.panel.PanelId.Action;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.TagType;
import io.github.botconfig.domain.Threshold;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu.DefaultValue;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu.SelectTarget;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.channel.ChannelType;

/**
 * Turns a {@link Screen} into the message Discord shows: a pure function of the screen and the time
 * it is drawn at (which every custom id carries). Toggles are green when on and grey when off, and
 * their label says the state; the active threshold is blue. Stateless and thread-safe.
 */
final class PanelRenderer {
  /** Discord's limit on a select menu's options. */
  static final int MAX_OPTIONS = 25;

  /** Discord's limit on a message's text. */
  static final int MAX_CONTENT = 2000;

  /** How many channels the first setup tracks at once. */
  static final int SETUP_CHANNELS = 10;

  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

  private PanelRenderer() {}

  /**
   * @throws IllegalArgumentException for a {@link Screen.Form} (a modal: {@link PanelForms})
   */
  static PanelView render(Screen screen, long drawnAt) {
    if (screen instanceof Screen.Overview overview) {
      return overview(overview, drawnAt);
    }
    if (screen instanceof Screen.Channel channel) {
      return channel(channel, drawnAt);
    }
    if (screen instanceof Screen.Server server) {
      return server(server, drawnAt);
    }
    if (screen instanceof Screen.Declared declared) {
      return declared(declared, drawnAt);
    }
    if (screen instanceof Screen.Setup setup) {
      return setup(setup, drawnAt);
    }
    if (screen instanceof Screen.Closed closed) {
      return new PanelView(closed.text(), List.of());
    }
    throw new IllegalArgumentException("a form is a modal, not a message: " + screen);
  }

  static PanelView overview(Screen.Overview screen, long drawnAt) {
    List<Screen.Tracked> channels = screen.channels();
    StringBuilder list = new StringBuilder("**Tracked channels (" + channels.size() + ")**");
    if (channels.isEmpty() && screen.unreadable().isEmpty()) {
      list.append("\nNone yet: pick one below to track it.");
    }
    screen.unreadable().forEach(line -> list.append("\n⚠️ ").append(line));
    String head =
        PanelText.withNotice(
            "**⚙️ Bot settings**", screen.notice(), PanelText.settings(screen.settings()));
    for (int i = 0; i < channels.size(); i++) {
      String line =
          "\n• "
              + PanelText.channel(channels.get(i).config().channelId())
              + " — "
              + PanelText.summary(channels.get(i).config());
      String more = "\n… and " + (channels.size() - i) + " more";
      if (head.length() + 2 + list.length() + line.length() + more.length() > MAX_CONTENT) {
        list.append(more);
        break;
      }
      list.append(line);
    }
    List<ActionRow> rows = new ArrayList<>();
    rows.add(
        ActionRow.of(
            EntitySelectMenu.create(id(Action.ADD, 0, 0, drawnAt), SelectTarget.CHANNEL)
                .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS)
                .setPlaceholder("Track a channel…")
                .build()));
    if (!channels.isEmpty()) {
      rows.add(
          ActionRow.of(channelPicker(Action.OPEN, "Open a tracked channel…", channels, drawnAt)));
      rows.add(
          ActionRow.of(
              channelPicker(Action.REMOVE_PICKED, "Stop tracking a channel…", channels, drawnAt)));
    }
    rows.add(
        ActionRow.of(
            Button.primary(
                id(Action.SERVER, 0, screen.settings().version(), drawnAt), "Server settings"),
            Button.secondary(id(Action.OVERVIEW, 0, 0, drawnAt), "Refresh")));
    return new PanelView(head + "\n\n" + list, rows);
  }

  static PanelView channel(Screen.Channel screen, long drawnAt) {
    ChannelConfig c = screen.channel().config();
    long target = c.channelId().value();
    long version = c.version();
    String content =
        PanelText.withNotice(
            "**⚙️ " + screen.channel().name() + "** (" + PanelText.channel(c.channelId()) + ")",
            screen.notice(),
            "Image: **"
                + PanelText.onOff(c.image())
                + "** · pin when the threshold is met: **"
                + PanelText.onOff(c.pin())
                + "** · answer reports: **"
                + PanelText.onOff(c.notifyOnClose())
                + "**\nReports from: **"
                + PanelText.reporters(c.reporters())
                + "**\nThreshold: **"
                + PanelText.threshold(c.threshold())
                + "** · mention: "
                + PanelText.tag(c.tag()));
    Threshold threshold = c.threshold();
    return new PanelView(
        content,
        List.of(
            ActionRow.of(
                toggle(Action.IMAGE, "Image", c.image(), target, version, drawnAt),
                toggle(Action.PIN, "Pin", c.pin(), target, version, drawnAt),
                toggle(
                    Action.NOTIFY, "Answer reports", c.notifyOnClose(), target, version, drawnAt),
                reporters(c.reporters(), target, version, drawnAt)),
            ActionRow.of(
                quick(
                    "TP",
                    "TP only",
                    threshold.equals(Threshold.TAKE_PROFIT),
                    target,
                    version,
                    drawnAt),
                quick(
                    "SL",
                    "SL only",
                    threshold.equals(Threshold.STOP_LOSS),
                    target,
                    version,
                    drawnAt),
                quick(
                    "TP/SL",
                    "TP + SL",
                    threshold.equals(Threshold.ANY_TRIGGER),
                    target,
                    version,
                    drawnAt),
                quick(
                    "none",
                    "Every report",
                    threshold.equals(Threshold.NONE),
                    target,
                    version,
                    drawnAt),
                Button.of(
                    threshold.kind() == Threshold.Kind.PERCENT
                        ? ButtonStyle.PRIMARY
                        : ButtonStyle.SECONDARY,
                    id(Action.PERCENT_FORM, target, version, drawnAt),
                    threshold.kind() == Threshold.Kind.PERCENT
                        ? threshold + " % …"
                        : "Percentage…")),
            ActionRow.of(
                tagMenu(
                    Action.TAG_USER,
                    SelectTarget.USER,
                    "Mention a member…",
                    c.tag(),
                    target,
                    version,
                    drawnAt)),
            ActionRow.of(
                tagMenu(
                    Action.TAG_ROLE,
                    SelectTarget.ROLE,
                    "Mention a role…",
                    c.tag(),
                    target,
                    version,
                    drawnAt)),
            ActionRow.of(lastChannelRow(screen.channel(), drawnAt))));
  }

  /** The channel view's last row, with a button to its declared keys when there are any. */
  private static List<Button> lastChannelRow(Screen.Tracked channel, long drawnAt) {
    ChannelConfig c = channel.config();
    long target = c.channelId().value();
    long version = c.version();
    List<Button> buttons = new ArrayList<>();
    buttons.add(
        Button.secondary(id(Action.TAG_CLEAR, target, version, drawnAt), "Mention nobody")
            .withDisabled(c.tag().isEmpty()));
    buttons.add(Button.danger(id(Action.UNTRACK, target, version, drawnAt), "Stop tracking"));
    if (!channel.declared().isEmpty()) {
      buttons.add(
          Button.primary(id(Action.CHANNEL_KEYS, target, version, drawnAt), DECLARED_BUTTON));
    }
    buttons.add(Button.secondary(id(Action.OVERVIEW, 0, 0, drawnAt), "◀ Back"));
    return buttons;
  }

  /** The label of the button to the declared setting keys, on the server's and a channel's view. */
  static final String DECLARED_BUTTON = "Declared settings…";

  /**
   * The declared keys of a scope with their values, and a select of them that opens one key's form.
   */
  static PanelView declared(Screen.Declared screen, long drawnAt) {
    Action pick =
        screen.scope() == SettingKey.Scope.GUILD ? Action.SERVER_KEY_FORM : Action.CHANNEL_KEY_FORM;
    // What to do comes first: a long list is cut at Discord's 2000 characters.
    StringBuilder body = new StringBuilder();
    if (screen.keys().isEmpty()) {
      body.append("No setting key is declared here.");
    } else {
      body.append("Pick one to change it; leave its form empty to go back to its default.");
      if (screen.keys().size() > MAX_OPTIONS) {
        body.append(" Only the first ")
            .append(MAX_OPTIONS)
            .append(" can be picked here; set the others with `/config … set`.");
      }
    }
    body.append(ConfigText.custom(screen.values(), screen.keys()));
    List<ActionRow> rows = new ArrayList<>();
    if (!screen.keys().isEmpty()) {
      StringSelectMenu.Builder menu =
          StringSelectMenu.create(id(pick, screen.target(), screen.version(), drawnAt))
              .setPlaceholder(DECLARED_BUTTON);
      for (SettingKey<?> key :
          screen.keys().subList(0, Math.min(MAX_OPTIONS, screen.keys().size()))) {
        menu.addOption(
            cut(key.name(), 100), key.name(), key.help().isEmpty() ? null : cut(key.help(), 100));
      }
      rows.add(ActionRow.of(menu.build()));
    }
    rows.add(
        ActionRow.of(
            screen.scope() == SettingKey.Scope.GUILD
                ? Button.secondary(id(Action.SERVER, 0, 0, drawnAt), "◀ Back")
                : Button.secondary(
                    PanelId.of(Action.CHANNEL_KEYS, screen.target(), screen.version(), drawnAt)
                        .withArg(PanelActions.BACK_ARG)
                        .encode(),
                    "◀ Back")));
    return new PanelView(
        cut(
            PanelText.withNotice(
                "**⚙️ " + screen.title() + ": declared settings**",
                screen.notice(),
                body.toString()),
            2000),
        rows);
  }

  static PanelView server(Screen.Server screen, long drawnAt) {
    GuildSettings s = screen.settings();
    SummaryPreferences summaries = s.summaryPreferences();
    long version = s.version();
    StringBuilder body =
        new StringBuilder(
            "Local time in "
                + s.timezone().getId()
                + ": **"
                + LOCAL_TIME.format(screen.localNow())
                + "**\n"
                + PanelText.settings(s));
    screen.warnings().forEach(w -> body.append('\n').append(w));
    EntitySelectMenu.Builder global =
        EntitySelectMenu.create(id(Action.GLOBAL, 0, version, drawnAt), SelectTarget.CHANNEL)
            .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS)
            .setPlaceholder("Global channel (summaries, live board)…");
    s.globalChannelId().ifPresent(g -> global.setDefaultValues(DefaultValue.channel(g.value())));
    return new PanelView(
        PanelText.withNotice("**⚙️ Server settings**", screen.notice(), body.toString()),
        List.of(
            ActionRow.of(global.build()),
            ActionRow.of(
                toggle(Action.BOARD, "Live board", s.positionDisplayEnabled(), 0, version, drawnAt),
                toggle(Action.DAILY, "Daily", summaries.dailySummary(), 0, version, drawnAt),
                toggle(Action.WEEKLY, "Weekly", summaries.weeklySummary(), 0, version, drawnAt),
                toggle(Action.MONTHLY, "Monthly", summaries.monthlySummary(), 0, version, drawnAt),
                toggle(Action.SUMMARY_PIN, "Pin summaries", summaries.pin(), 0, version, drawnAt)),
            ActionRow.of(
                tagMenu(
                    Action.SUMMARY_USER,
                    SelectTarget.USER,
                    "Summaries mention a member…",
                    summaries.tag(),
                    0,
                    version,
                    drawnAt)),
            ActionRow.of(
                tagMenu(
                    Action.SUMMARY_ROLE,
                    SelectTarget.ROLE,
                    "Summaries mention a role…",
                    summaries.tag(),
                    0,
                    version,
                    drawnAt)),
            ActionRow.of(lastServerRow(screen, drawnAt))));
  }

  /** The server view's last row, with a button to its declared keys when there are any. */
  private static List<Button> lastServerRow(Screen.Server screen, long drawnAt) {
    GuildSettings s = screen.settings();
    long version = s.version();
    List<Button> buttons = new ArrayList<>();
    buttons.add(Button.primary(id(Action.TIMEZONE_FORM, 0, version, drawnAt), "Time zone…"));
    buttons.add(
        Button.secondary(id(Action.GLOBAL_CLEAR, 0, version, drawnAt), "No global channel")
            .withDisabled(s.globalChannelId().isEmpty()));
    buttons.add(
        Button.secondary(id(Action.SUMMARY_CLEAR, 0, version, drawnAt), "Mention nobody")
            .withDisabled(s.summaryPreferences().tag().isEmpty()));
    if (!screen.declared().isEmpty()) {
      buttons.add(Button.primary(id(Action.SERVER_KEYS, 0, version, drawnAt), DECLARED_BUTTON));
    }
    buttons.add(Button.secondary(id(Action.OVERVIEW, 0, 0, drawnAt), "◀ Back"));
    return buttons;
  }

  static PanelView setup(Screen.Setup screen, long drawnAt) {
    GuildSettings s = screen.settings();
    long version = s.version();
    String title = "**👋 First setup**";
    switch (screen.step()) {
      case CHANNELS -> {
        return new PanelView(
            PanelText.withNotice(
                title,
                screen.notice(),
                "Nothing is configured in this server yet. Three steps, each can be skipped.\n"
                    + "**1 of 3 — channels to track**: pick the channels where result reports"
                    + " arrive (up to "
                    + SETUP_CHANNELS
                    + ")."),
            List.of(
                ActionRow.of(
                    EntitySelectMenu.create(
                            id(Action.SETUP_TRACK, 0, 0, drawnAt), SelectTarget.CHANNEL)
                        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS)
                        .setPlaceholder("Channels to track…")
                        .setRequiredRange(1, SETUP_CHANNELS)
                        .build()),
                ActionRow.of(
                    Button.secondary(
                        PanelId.of(Action.SETUP_TRACK, 0, 0, drawnAt).withArg("next").encode(),
                        "Skip"))));
      }
      case GLOBAL_CHANNEL -> {
        return new PanelView(
            PanelText.withNotice(
                title,
                screen.notice(),
                "**2 of 3 — global channel**: where the daily, weekly and monthly summaries and"
                    + " the live board are posted."),
            List.of(
                ActionRow.of(
                    EntitySelectMenu.create(
                            id(Action.SETUP_GLOBAL, 0, version, drawnAt), SelectTarget.CHANNEL)
                        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS)
                        .setPlaceholder("Global channel…")
                        .build()),
                ActionRow.of(
                    Button.secondary(
                        PanelId.of(Action.SETUP_GLOBAL, 0, version, drawnAt)
                            .withArg("next")
                            .encode(),
                        "Skip"))));
      }
      default -> {
        SummaryPreferences summaries = s.summaryPreferences();
        ZonedDateTime local = Instant.ofEpochSecond(drawnAt).atZone(s.timezone());
        return new PanelView(
            PanelText.withNotice(
                title,
                screen.notice(),
                "**3 of 3 — time zone and summaries**: summaries are posted at midnight of the"
                    + " server's time zone.\nLocal time in "
                    + s.timezone().getId()
                    + ": **"
                    + LOCAL_TIME.format(local)
                    + "**\n"
                    + PanelText.settings(s)),
            List.of(
                ActionRow.of(
                    Button.primary(
                        PanelId.of(Action.TIMEZONE_FORM, 0, version, drawnAt)
                            .withArg(PanelActions.SETUP_ARG)
                            .encode(),
                        "Time zone…"),
                    setupToggle('d', "Daily", summaries.dailySummary(), version, drawnAt),
                    setupToggle('w', "Weekly", summaries.weeklySummary(), version, drawnAt),
                    setupToggle('m', "Monthly", summaries.monthlySummary(), version, drawnAt)),
                ActionRow.of(Button.success(id(Action.SETUP_FINISH, 0, 0, drawnAt), "Finish"))));
      }
    }
  }

  private static StringSelectMenu channelPicker(
      Action action, String placeholder, List<Screen.Tracked> channels, long drawnAt) {
    StringSelectMenu.Builder menu =
        StringSelectMenu.create(id(action, 0, 0, drawnAt)).setPlaceholder(placeholder);
    for (Screen.Tracked channel : channels.subList(0, Math.min(MAX_OPTIONS, channels.size()))) {
      menu.addOptions(
          SelectOption.of(
                  cut(channel.name(), SelectOption.LABEL_MAX_LENGTH),
                  channel.config().channelId().toString())
              .withDescription(
                  cut(PanelText.summary(channel.config()), SelectOption.DESCRIPTION_MAX_LENGTH)));
    }
    return menu.build();
  }

  private static Button toggle(
      Action action, String name, boolean on, long target, long version, long drawnAt) {
    String id = PanelId.of(action, target, version, drawnAt).withArg(on ? "0" : "1").encode();
    return on ? Button.success(id, name + ": on") : Button.secondary(id, name + ": off");
  }

  /**
   * Whose messages count as reports: the label says the state, a click sets the other one; blue
   * when members count too (the default, webhooks only, is grey like a toggle that is off).
   */
  private static Button reporters(Reporters reporters, long target, long version, long drawnAt) {
    Reporters other = reporters == Reporters.WEBHOOKS ? Reporters.EVERYONE : Reporters.WEBHOOKS;
    String id =
        PanelId.of(Action.REPORTERS, target, version, drawnAt).withArg(other.text()).encode();
    return reporters == Reporters.WEBHOOKS
        ? Button.secondary(id, "Reports: webhooks only")
        : Button.primary(id, "Reports: everyone");
  }

  private static Button setupToggle(
      char kind, String name, boolean on, long version, long drawnAt) {
    String id =
        PanelId.of(Action.SETUP_SUMMARIES, 0, version, drawnAt)
            .withArg(kind + (on ? "0" : "1"))
            .encode();
    return on ? Button.success(id, name + ": on") : Button.secondary(id, name + ": off");
  }

  private static Button quick(
      String threshold, String label, boolean active, long target, long version, long drawnAt) {
    String id = PanelId.of(Action.THRESHOLD, target, version, drawnAt).withArg(threshold).encode();
    return active ? Button.primary(id, label) : Button.secondary(id, label);
  }

  private static EntitySelectMenu tagMenu(
      Action action,
      SelectTarget target,
      String placeholder,
      Optional<Tag> tag,
      long channel,
      long version,
      long drawnAt) {
    EntitySelectMenu.Builder menu =
        EntitySelectMenu.create(id(action, channel, version, drawnAt), target)
            .setPlaceholder(placeholder);
    TagType wanted = target == SelectTarget.USER ? TagType.USER : TagType.ROLE;
    tag.filter(t -> t.type() == wanted)
        .ifPresent(
            t ->
                menu.setDefaultValues(
                    wanted == TagType.USER
                        ? DefaultValue.user(t.id())
                        : DefaultValue.role(t.id())));
    return menu.build();
  }

  private static String id(Action action, long target, long version, long drawnAt) {
    return PanelId.of(action, target, version, drawnAt).encode();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}

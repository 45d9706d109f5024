package io.github.botconfig.bot.internal.panel;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.DiscordBot;
import io.github.botconfig.bot.internal.panel.PanelId.Action;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.ManualScheduler;
import io.github.botconfig.domain.testing.MutableClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.components.attribute.ICustomId;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import org.junit.jupiter.api.Test;

/**
 * Every setting the slash commands can change has a control on the panel: the commands as the bot
 * registers them are walked option by option (choices included), and each must be listed here with
 * the panel control that does the same, which the panels must draw. A new option fails this test
 * until the panel offers it.
 */
class PanelControlsTest {
  private static final GuildId GUILD = GuildId.of(10);
  private static final ChannelId REPORTS = ChannelId.of(11);

  /** What the panel draws for a command: an action, and the value its click sets where it says. */
  private record Control(Action action, Optional<String> arg) {
    static Control of(Action action) {
      return new Control(action, Optional.empty());
    }

    static Control setting(Action action, String arg) {
      return new Control(action, Optional.of(arg));
    }
  }

  /**
   * {@code group subcommand} for a subcommand, {@code group subcommand option} for each option,
   * {@code … option=value} for each choice: the panel controls that do the same.
   */
  private static final Map<String, List<Control>> PANEL_EQUIVALENT =
      Map.ofEntries(
          entry("panel", List.of(Control.of(Action.OVERVIEW))),
          entry("channel set", List.of(Control.of(Action.ADD), Control.of(Action.OPEN))),
          entry("channel set channel", List.of(Control.of(Action.ADD))),
          entry(
              "channel set image",
              List.of(Control.setting(Action.IMAGE, "1"), Control.setting(Action.IMAGE, "0"))),
          entry(
              "channel set pin",
              List.of(Control.setting(Action.PIN, "1"), Control.setting(Action.PIN, "0"))),
          entry(
              "channel set notify-on-close",
              List.of(Control.setting(Action.NOTIFY, "1"), Control.setting(Action.NOTIFY, "0"))),
          entry("channel set tag-user", List.of(Control.of(Action.TAG_USER))),
          entry("channel set tag-role", List.of(Control.of(Action.TAG_ROLE))),
          entry("channel set clear-tag", List.of(Control.of(Action.TAG_CLEAR))),
          entry(
              "channel set threshold",
              List.of(
                  Control.setting(Action.THRESHOLD, "TP"),
                  Control.setting(Action.THRESHOLD, "SL"),
                  Control.setting(Action.THRESHOLD, "TP/SL"),
                  Control.setting(Action.THRESHOLD, "none"),
                  Control.of(Action.PERCENT_FORM))),
          entry("channel set reporters", List.of(Control.of(Action.REPORTERS))),
          entry(
              "channel set reporters=" + Reporters.WEBHOOKS.text(),
              List.of(Control.setting(Action.REPORTERS, Reporters.WEBHOOKS.text()))),
          entry(
              "channel set reporters=" + Reporters.EVERYONE.text(),
              List.of(Control.setting(Action.REPORTERS, Reporters.EVERYONE.text()))),
          entry(
              "channel remove",
              List.of(Control.of(Action.REMOVE_PICKED), Control.of(Action.UNTRACK))),
          entry("channel remove channel", List.of(Control.of(Action.REMOVE_PICKED))),
          entry("channel show", List.of(Control.of(Action.OPEN))),
          entry("channel show channel", List.of(Control.of(Action.OPEN))),
          entry("channel list", List.of(Control.of(Action.OVERVIEW))),
          entry("settings show", List.of(Control.of(Action.SERVER))),
          entry("settings set", List.of(Control.of(Action.SERVER))),
          entry("settings set timezone", List.of(Control.of(Action.TIMEZONE_FORM))),
          entry(
              "settings set board",
              List.of(Control.setting(Action.BOARD, "1"), Control.setting(Action.BOARD, "0"))),
          entry(
              "settings set daily",
              List.of(Control.setting(Action.DAILY, "1"), Control.setting(Action.DAILY, "0"))),
          entry(
              "settings set weekly",
              List.of(Control.setting(Action.WEEKLY, "1"), Control.setting(Action.WEEKLY, "0"))),
          entry(
              "settings set monthly",
              List.of(Control.setting(Action.MONTHLY, "1"), Control.setting(Action.MONTHLY, "0"))),
          entry("settings set summary-tag-user", List.of(Control.of(Action.SUMMARY_USER))),
          entry("settings set summary-tag-role", List.of(Control.of(Action.SUMMARY_ROLE))),
          entry("settings set clear-summary-tag", List.of(Control.of(Action.SUMMARY_CLEAR))),
          entry(
              "settings set summary-pin",
              List.of(
                  Control.setting(Action.SUMMARY_PIN, "1"),
                  Control.setting(Action.SUMMARY_PIN, "0"))),
          entry("settings set global-channel", List.of(Control.of(Action.GLOBAL))),
          // A declared key's form sets what is typed, and resets the key when left empty.
          entry(
              "settings set set",
              List.of(Control.of(Action.SERVER_KEYS), Control.of(Action.SERVER_KEY_FORM))),
          entry(
              "settings set reset",
              List.of(Control.of(Action.SERVER_KEYS), Control.of(Action.SERVER_KEY_FORM))),
          entry(
              "channel set set",
              List.of(Control.of(Action.CHANNEL_KEYS), Control.of(Action.CHANNEL_KEY_FORM))),
          entry(
              "channel set reset",
              List.of(Control.of(Action.CHANNEL_KEYS), Control.of(Action.CHANNEL_KEY_FORM))),
          entry("settings set clear-global-channel", List.of(Control.of(Action.GLOBAL_CLEAR))));

  /**
   * Options the panels do not draw yet, each with the reason: a known gap, listed so that the test
   * still fails on any other option left without a control. None now.
   */
  private static final Set<String> NOT_ON_THE_PANEL_YET = Set.of();

  /** The project's own keys the panels are drawn with: one of each scope. */
  private static final SettingKey<Boolean> FORWARD =
      SettingKey.guild("forward", SettingType.bool()).help("forward alerts").build();

  private static final SettingKey<Long> SLOWMODE =
      SettingKey.channel("slowmodeSeconds", SettingType.integer(0, 600)).defaultValue(0L).build();

  /** The commands exactly as the bot registers them. */
  private static SlashCommandData config() {
    MutableClock clock = MutableClock.startingAt2026();
    DiscordBot bot =
        DiscordBot.create(
            new InMemoryConfigStore(clock),
            Set::of,
            clock,
            new ManualScheduler(clock),
            BotOptions.defaults());
    return bot.commands().stream()
        .filter(c -> c.getName().equals("config"))
        .map(SlashCommandData.class::cast)
        .findFirst()
        .orElseThrow();
  }

  /**
   * Every subcommand, option and choice of {@code /config}, as keys of {@link #PANEL_EQUIVALENT}.
   */
  private static List<String> commandKeys(SlashCommandData config) {
    List<String> keys = new ArrayList<>();
    config.getSubcommands().forEach(sub -> addKeys(keys, "", sub));
    for (SubcommandGroupData group : config.getSubcommandGroups()) {
      group.getSubcommands().forEach(sub -> addKeys(keys, group.getName() + " ", sub));
    }
    return keys;
  }

  private static void addKeys(List<String> keys, String prefix, SubcommandData sub) {
    String name = prefix + sub.getName();
    keys.add(name);
    for (OptionData option : sub.getOptions()) {
      keys.add(name + " " + option.getName());
      option
          .getChoices()
          .forEach(c -> keys.add(name + " " + option.getName() + "=" + c.getAsString()));
    }
  }

  /** Every control the panels draw, in each state a setting can be in. */
  private static Set<Control> drawnControls() {
    long drawn = 1_767_225_600L;
    ChannelConfig plain = ChannelConfig.of(GUILD, REPORTS).withVersion(2);
    ChannelConfig opposite =
        plain
            .withImage(true)
            .withPin(true)
            .withNotifyOnClose(false)
            .withReporters(Reporters.EVERYONE)
            .withTag(Optional.of(Tag.user(14)));
    GuildSettings defaults = GuildSettings.defaults(GUILD);
    SummaryPreferences summaries = defaults.summaryPreferences();
    GuildSettings opposites =
        defaults
            .withPositionDisplayEnabled(!defaults.positionDisplayEnabled())
            .withGlobalChannelId(Optional.of(REPORTS))
            .withSummaryPreferences(
                summaries
                    .withDailySummary(!summaries.dailySummary())
                    .withWeeklySummary(!summaries.weeklySummary())
                    .withMonthlySummary(!summaries.monthlySummary())
                    .withPin(!summaries.pin())
                    .withTag(Optional.of(Tag.role(13))));
    List<Screen> screens = new ArrayList<>();
    for (ChannelConfig channel : List.of(plain, opposite)) {
      Screen.Tracked tracked = new Screen.Tracked(channel, "#reports", List.of(SLOWMODE));
      screens.add(new Screen.Overview(defaults, List.of(tracked), ""));
      screens.add(new Screen.Channel(tracked, ""));
      screens.add(
          new Screen.Declared(
              SettingKey.Scope.CHANNEL,
              REPORTS.value(),
              channel.version(),
              "#reports",
              List.of(SLOWMODE),
              channel.custom(),
              ""));
    }
    for (GuildSettings settings : List.of(defaults, opposites)) {
      screens.add(
          new Screen.Server(
              settings,
              java.time.Instant.ofEpochSecond(drawn).atZone(settings.timezone()),
              List.of(),
              "",
              List.of(FORWARD)));
      screens.add(
          new Screen.Declared(
              SettingKey.Scope.GUILD,
              0,
              settings.version(),
              "Server settings",
              List.of(FORWARD),
              settings.custom(),
              ""));
    }
    Set<Control> controls = new HashSet<>();
    for (Screen screen : screens) {
      PanelView view = PanelRenderer.render(screen, drawn);
      view.rows().stream()
          .flatMap(r -> r.getComponents().stream())
          .filter(
              c ->
                  !(c instanceof net.dv8tion.jda.api.components.buttons.Button b)
                      || !b.isDisabled())
          .map(c -> PanelId.parse(((ICustomId) c).getCustomId()).orElseThrow())
          .forEach(
              id -> {
                controls.add(Control.of(id.action()));
                controls.add(Control.setting(id.action(), id.arg()));
              });
    }
    return controls;
  }

  @Test
  void everySubcommandOptionAndChoiceOfConfigHasAControlThePanelDraws() {
    List<String> keys = new ArrayList<>(commandKeys(config()));
    assertThat(keys).containsAll(NOT_ON_THE_PANEL_YET);
    keys.removeAll(NOT_ON_THE_PANEL_YET);
    Set<Control> drawn = drawnControls();

    assertThat(keys)
        .as("each /config option needs a panel control: add it to the panel, then list it here")
        .allSatisfy(key -> assertThat(PANEL_EQUIVALENT).containsKey(key));
    assertThat(PANEL_EQUIVALENT.keySet())
        .as("every listed command still exists")
        .containsExactlyInAnyOrderElementsOf(keys);
    for (String key : keys) {
      assertThat(PANEL_EQUIVALENT.get(key))
          .as("the panel controls for '%s', enabled in some state of the panels", key)
          .allSatisfy(control -> assertThat(drawn).contains(control));
    }
  }

  @Test
  void theCommandThatOpensThePanelHasNoOptionSoItIsSentAsTyped() {
    MutableClock clock = MutableClock.startingAt2026();
    List<CommandData> commands =
        DiscordBot.create(
                new InMemoryConfigStore(clock),
                Set::of,
                clock,
                new ManualScheduler(clock),
                BotOptions.defaults())
            .commands();

    SlashCommandData panel =
        commands.stream()
            .filter(c -> c.getName().equals(PanelListener.COMMAND))
            .map(SlashCommandData.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(panel.getOptions()).isEmpty();
    assertThat(panel.getSubcommands()).isEmpty();
    assertThat(panel.getSubcommandGroups()).isEmpty();
    assertThat(panel.getDefaultPermissions())
        .as("shown to the members /config is shown to")
        .isEqualTo(config().getDefaultPermissions());
  }
}

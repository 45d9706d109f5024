package io.github.botconfig.bot;

import io.github.botconfig.bot.internal.panel.PanelListener;
import io.github.botconfig.domain.Reporters;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/** The {@code /config} command as Discord registers it: names, options, and who may see it. */
final class ConfigCommands {
  static final String NAME = "config";
  static final String CHANNEL = "channel";
  static final String SETTINGS = "settings";
  static final String SET = "set";
  static final String REMOVE = "remove";
  static final String SHOW = "show";
  static final String LIST = "list";

  static final String IMAGE = "image";
  static final String PIN = "pin";
  static final String NOTIFY_ON_CLOSE = "notify-on-close";
  static final String TAG = "tag";
  static final String THRESHOLD = "threshold";
  static final String REPORTERS = "reporters";
  static final String TIMEZONE = "timezone";
  static final String BOARD = "board";
  static final String DAILY = "daily";
  static final String WEEKLY = "weekly";
  static final String MONTHLY = "monthly";
  static final String SUMMARY_TAG = "summary-tag";
  static final String SUMMARY_PIN = "summary-pin";
  static final String GLOBAL_CHANNEL = "global-channel";

  /** One declared setting key, {@code KEY=VALUE} (one per command: values may hold any text). */
  static final String SET_KEY = "set";

  /** One declared setting key to reset to its default. */
  static final String RESET_KEY = "reset";

  /** Who may run it; Discord hides it from others, and every interaction checks it again. */
  static final Permission REQUIRED = Permission.MANAGE_SERVER;

  private ConfigCommands() {}

  static SlashCommandData definition() {
    return Commands.slash(NAME, "Configure how this bot answers result reports in this server")
        .setContexts(InteractionContextType.GUILD)
        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(REQUIRED))
        // Discord runs no command that has subcommands bare: the panel is a subcommand of its own.
        .addSubcommands(
            new SubcommandData(
                PanelListener.SUBCOMMAND, "Open the settings panel (buttons and menus)"))
        .addSubcommandGroups(
            new SubcommandGroupData(CHANNEL, "Tracked channels")
                .addSubcommands(
                    new SubcommandData(
                            SET, "Track a channel, or change its options (others are kept)")
                        .addOptions(channel("The channel that receives result reports"))
                        .addOption(OptionType.BOOLEAN, IMAGE, "Attach a result card image")
                        .addOption(OptionType.BOOLEAN, PIN, "Pin alerts that meet the threshold")
                        .addOption(OptionType.BOOLEAN, NOTIFY_ON_CLOSE, "Answer reports at all")
                        .addOptions(tagOptions(TAG, "alerts that meet the threshold"))
                        .addOption(
                            OptionType.STRING,
                            THRESHOLD,
                            "A percentage such as 12.5, or TP, SL, TP/SL, none")
                        .addOptions(
                            new OptionData(
                                    OptionType.STRING,
                                    REPORTERS,
                                    "Whose messages count as reports (default: webhooks only)")
                                .addChoice("webhooks only", Reporters.WEBHOOKS.text())
                                .addChoice(
                                    "everyone: webhooks and members", Reporters.EVERYONE.text()))
                        .addOptions(customOptions()),
                    new SubcommandData(REMOVE, "Stop tracking a channel")
                        .addOptions(channel("The channel")),
                    new SubcommandData(SHOW, "Show a channel's options")
                        .addOptions(channel("The channel")),
                    new SubcommandData(LIST, "List the tracked channels of this server")),
            new SubcommandGroupData(SETTINGS, "Server settings")
                .addSubcommands(
                    new SubcommandData(SHOW, "Show this server's settings"),
                    new SubcommandData(SET, "Change this server's settings (others are kept)")
                        .addOptions(
                            new OptionData(
                                    OptionType.STRING,
                                    TIMEZONE,
                                    "IANA time zone, such as Europe/Paris")
                                .setAutoComplete(true))
                        .addOption(
                            OptionType.BOOLEAN, BOARD, "Keep the live board in the global channel")
                        .addOption(OptionType.BOOLEAN, DAILY, "Post a daily summary")
                        .addOption(OptionType.BOOLEAN, WEEKLY, "Post a weekly summary (Mondays)")
                        .addOption(OptionType.BOOLEAN, MONTHLY, "Post a monthly summary (the 1st)")
                        .addOptions(tagOptions(SUMMARY_TAG, "summaries"))
                        .addOption(OptionType.BOOLEAN, SUMMARY_PIN, "Pin summaries")
                        .addOptions(
                            new OptionData(
                                    OptionType.CHANNEL,
                                    GLOBAL_CHANNEL,
                                    "Where summaries and the live board go")
                                .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS))
                        .addOption(
                            OptionType.BOOLEAN, "clear-" + GLOBAL_CHANNEL, "Use no global channel")
                        .addOptions(customOptions())));
  }

  /**
   * {@code /config-panel}: the panel at one word, for admins who would type {@code /config} alone
   * (Discord runs no command that has subcommands bare, so {@code /config} itself cannot open it).
   */
  static SlashCommandData panel() {
    return Commands.slash(
            PanelListener.COMMAND, "Open the settings panel of this bot (buttons and menus)")
        .setContexts(InteractionContextType.GUILD)
        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(REQUIRED));
  }

  /** {@code NAME-user}, {@code NAME-role}, {@code clear-NAME}: whom a message mentions. */
  private static List<OptionData> tagOptions(String name, String what) {
    return List.of(
        new OptionData(OptionType.USER, name + "-user", "Mention this member in " + what),
        new OptionData(OptionType.ROLE, name + "-role", "Mention this role in " + what),
        new OptionData(OptionType.BOOLEAN, "clear-" + name, "Mention nobody in " + what));
  }

  /**
   * {@code set} and {@code reset}: the project's own setting keys, named by {@code show}; both
   * autocomplete the declared names. Not one option per key: Discord allows 25 options and
   * registers them once for every server, while keys come from the project's schema.
   */
  private static List<OptionData> customOptions() {
    return List.of(
        new OptionData(
                OptionType.STRING,
                SET_KEY,
                "Set one declared setting (listed by show): KEY=VALUE, such as forward=true")
            .setAutoComplete(true),
        new OptionData(
                OptionType.STRING, RESET_KEY, "Reset one declared setting to its default: KEY")
            .setAutoComplete(true));
  }

  private static OptionData channel(String description) {
    return new OptionData(OptionType.CHANNEL, CHANNEL, description, true)
        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS);
  }
}

package io.github.botconfig.bot;

import static io.github.botconfig.bot.ConfigCommands.CHANNEL;
import static io.github.botconfig.bot.ConfigCommands.GLOBAL_CHANNEL;
import static io.github.botconfig.bot.ConfigCommands.SETTINGS;

import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.application.port.in.ChannelChanges;
import io.github.botconfig.application.port.in.CustomChanges;
import io.github.botconfig.application.port.in.OptionalChange;
import io.github.botconfig.application.port.in.SettingsChanges;
import io.github.botconfig.bot.internal.RoleTags;
import io.github.botconfig.bot.internal.admin.ConfigAdmin;
import io.github.botconfig.bot.internal.admin.KeySuggestions;
import io.github.botconfig.bot.internal.admin.Tags;
import io.github.botconfig.bot.internal.admin.TimezoneSuggestions;
import io.github.botconfig.bot.internal.panel.PanelListener;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigException;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingsSchema;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code /config}: reads the options (refusing a channel or role of another server), lets
 * {@link ConfigAdmin} call the use case as the member ({@link MemberActor}: the use cases ask it
 * whether it may configure this server), and replies ephemerally. Changes are acknowledged first
 * (deferred), so a slow store never makes Discord drop the interaction. Thread-safe; holds no JDA
 * instance.
 *
 * <p>A plain {@link EventListener}, as {@link TrackedMessageListener}: a {@code ListenerAdapter}
 * finds its method by walking the class hierarchy of every gateway event, messages included, and
 * allocates doing it (docs/performance.md).
 */
final class ConfigCommandListener implements EventListener {
  private static final Logger log = LoggerFactory.getLogger(ConfigCommandListener.class);
  static final String PERMISSION_REFUSED =
      "❌ You need the **"
          + ConfigCommands.REQUIRED.getName()
          + "** permission to configure this bot.";

  private static final String SOMETHING_WENT_WRONG =
      "❌ Something went wrong; the error was logged.";

  private final ConfigAdmin admin;
  private final SettingsSchema schema;

  ConfigCommandListener(ConfigAdmin admin, SettingsSchema schema) {
    this.admin = admin;
    this.schema = schema;
  }

  @Override
  public void onEvent(GenericEvent event) {
    if (event instanceof SlashCommandInteractionEvent command) {
      onSlashCommandInteraction(command);
    }
    if (event instanceof CommandAutoCompleteInteractionEvent autocomplete) {
      onCommandAutoCompleteInteraction(autocomplete);
    }
  }

  private void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    if (!event.getName().equals(ConfigCommands.NAME) || PanelListener.opensPanel(event)) {
      return; // the panel's own listener answers it
    }
    Guild guild = event.getGuild();
    Member member = event.getMember();
    if (guild == null || member == null) {
      reply(event, "❌ `/config` works in a server only.");
      return;
    }
    Actor actor = new MemberActor(member);
    GuildId guildId = GuildId.of(guild.getIdLong());
    String group = String.valueOf(event.getSubcommandGroup());
    String name = String.valueOf(event.getSubcommandName());
    try {
      switch (group + " " + name) {
        case CHANNEL + " " + ConfigCommands.SET -> {
          ChannelId channel = ownChannel(event, guild, CHANNEL);
          ChannelChanges changes =
              channelChanges(event, guild).withCustom(custom(event, SettingKey.Scope.CHANNEL));
          change(event, () -> admin.setChannel(actor, guildId, channel, changes));
        }
        case CHANNEL + " " + ConfigCommands.REMOVE -> {
          // No guild check: the store only removes a channel tracked under this guild.
          ChannelId channel = ChannelId.of(option(event, CHANNEL).getAsLong());
          change(event, () -> admin.removeChannel(actor, guildId, channel));
        }
        case CHANNEL + " " + ConfigCommands.SHOW ->
            reply(
                event,
                admin.showChannel(
                    actor, guildId, ChannelId.of(option(event, CHANNEL).getAsLong())));
        case CHANNEL + " " + ConfigCommands.LIST ->
            reply(event, admin.listChannels(actor, guildId));
        case SETTINGS + " " + ConfigCommands.SHOW ->
            reply(
                event,
                admin.showSettings(
                    actor, guildId, settings -> GlobalChannelCheck.warnings(guild, settings)));
        case SETTINGS + " " + ConfigCommands.SET -> {
          SettingsChanges changes =
              settingsChanges(event, guild).withCustom(custom(event, SettingKey.Scope.GUILD));
          change(
              event,
              () ->
                  admin.setSettings(
                      actor,
                      guildId,
                      changes,
                      settings -> GlobalChannelCheck.warnings(guild, settings)));
        }
        default -> reply(event, "❌ Unknown command `/config " + group + " " + name + "`.");
      }
    } catch (ConfigException e) {
      reply(event, ConfigAdmin.failure(e));
    } catch (RuntimeException e) {
      log.error("/config {} {} in guild {} failed", group, name, guild.getId(), e);
      reply(event, SOMETHING_WENT_WRONG);
    }
  }

  private void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (!event.getName().equals(ConfigCommands.NAME)) {
      return;
    }
    String focused = event.getFocusedOption().getName();
    Member member = event.getMember();
    boolean allowed = member != null && member.hasPermission(ConfigCommands.REQUIRED);
    if (focused.equals(ConfigCommands.TIMEZONE)) {
      List<String> choices =
          allowed ? TimezoneSuggestions.suggest(event.getFocusedOption().getValue()) : List.of();
      event
          .replyChoiceStrings(choices)
          .queue(null, f -> log.debug("autocomplete reply failed: {}", f.toString()));
    } else if (focused.equals(ConfigCommands.SET_KEY) || focused.equals(ConfigCommands.RESET_KEY)) {
      SettingKey.Scope scope =
          CHANNEL.equals(event.getSubcommandGroup())
              ? SettingKey.Scope.CHANNEL
              : SettingKey.Scope.GUILD;
      List<Command.Choice> choices =
          allowed
              ? KeySuggestions.suggest(
                      schema.keys(scope),
                      event.getFocusedOption().getValue(),
                      focused.equals(ConfigCommands.SET_KEY))
                  .stream()
                  .map(choice -> new Command.Choice(choice.label(), choice.value()))
                  .toList()
              : List.of();
      event
          .replyChoices(choices)
          .queue(null, f -> log.debug("autocomplete reply failed: {}", f.toString()));
    }
  }

  /** {@code set} and {@code reset}, read as the CLI reads {@code --set} and {@code --reset}. */
  private CustomChanges custom(SlashCommandInteractionEvent event, SettingKey.Scope scope) {
    return CustomChanges.parse(
        schema,
        scope,
        text(event, ConfigCommands.SET_KEY).map(List::of).orElse(List.of()),
        text(event, ConfigCommands.RESET_KEY).map(List::of).orElse(List.of()));
  }

  /**
   * Acknowledges, then runs a change and edits the acknowledgement into its reply. The callers read
   * and check the options before, so a bad one is answered at once, in one request.
   */
  private static void change(SlashCommandInteractionEvent event, Supplier<String> operation) {
    event
        .deferReply(true)
        .queue(null, f -> log.debug("deferring /config failed: {}", f.toString()));
    String text;
    try {
      text = operation.get();
    } catch (RuntimeException e) {
      log.error("/config {} {} failed", event.getSubcommandGroup(), event.getSubcommandName(), e);
      text = SOMETHING_WENT_WRONG;
    }
    event
        .getHook()
        .editOriginal(text)
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .queue(null, f -> log.warn("answering /config failed: {}", AlertPublisher.describe(f)));
  }

  private static void reply(SlashCommandInteractionEvent event, String text) {
    event
        .reply(text)
        .setEphemeral(true)
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .queue(null, f -> log.warn("answering /config failed: {}", AlertPublisher.describe(f)));
  }

  private static ChannelChanges channelChanges(SlashCommandInteractionEvent event, Guild guild) {
    return new ChannelChanges(
        bool(event, ConfigCommands.IMAGE),
        bool(event, ConfigCommands.PIN),
        bool(event, ConfigCommands.NOTIFY_ON_CLOSE),
        tag(event, guild, ConfigCommands.TAG),
        text(event, ConfigCommands.THRESHOLD).map(Threshold::parse),
        text(event, ConfigCommands.REPORTERS).map(Reporters::parse));
  }

  private static SettingsChanges settingsChanges(SlashCommandInteractionEvent event, Guild guild) {
    Optional<ChannelId> global =
        event.getOption(GLOBAL_CHANNEL) == null
            ? Optional.empty()
            : Optional.of(ownChannel(event, guild, GLOBAL_CHANNEL));
    return new SettingsChanges(
        text(event, ConfigCommands.TIMEZONE).map(GuildSettings::parseTimezone),
        bool(event, ConfigCommands.BOARD),
        bool(event, ConfigCommands.DAILY),
        bool(event, ConfigCommands.WEEKLY),
        bool(event, ConfigCommands.MONTHLY),
        tag(event, guild, ConfigCommands.SUMMARY_TAG),
        bool(event, ConfigCommands.SUMMARY_PIN),
        OptionalChange.of(GLOBAL_CHANNEL, global, flag(event, "clear-" + GLOBAL_CHANNEL)));
  }

  /**
   * The channel an option names, refused unless it belongs to the guild the command runs in:
   * Discord's picker offers only those, but a crafted interaction can name any id, and JDA resolves
   * channels of every guild it sees.
   */
  private static ChannelId ownChannel(
      SlashCommandInteractionEvent event, Guild guild, String optionName) {
    long id = option(event, optionName).getAsLong();
    if (guild.getGuildChannelById(id) == null) {
      throw new InvalidConfigException(
          "channel " + Long.toUnsignedString(id) + " is not a channel of this server");
    }
    return ChannelId.of(id);
  }

  private static OptionMapping option(SlashCommandInteractionEvent event, String name) {
    OptionMapping option = event.getOption(name);
    if (option == null) {
      throw new InvalidConfigException("the option '" + name + "' is required");
    }
    return option;
  }

  private static OptionalChange<Tag> tag(
      SlashCommandInteractionEvent event, Guild guild, String name) {
    OptionalLong role = id(event, name + "-role");
    if (role.isPresent()) {
      requireMentionable(event.getMember(), guild, role.getAsLong());
    }
    return Tags.change(name, id(event, name + "-user"), role, flag(event, "clear-" + name));
  }

  /** Refuses a role the tag may not mention ({@link RoleTags#refusal}). */
  private static void requireMentionable(@Nullable Member admin, Guild guild, long roleId) {
    Optional<String> refusal = RoleTags.refusal(admin, guild, roleId);
    if (refusal.isPresent()) {
      throw new InvalidConfigException(refusal.get());
    }
  }

  private static OptionalLong id(SlashCommandInteractionEvent event, String name) {
    OptionMapping option = event.getOption(name);
    return option == null ? OptionalLong.empty() : OptionalLong.of(option.getAsLong());
  }

  private static Optional<Boolean> bool(SlashCommandInteractionEvent event, String name) {
    OptionMapping option = event.getOption(name);
    return option == null ? Optional.empty() : Optional.of(option.getAsBoolean());
  }

  private static boolean flag(SlashCommandInteractionEvent event, String name) {
    return bool(event, name).orElse(false);
  }

  private static Optional<String> text(SlashCommandInteractionEvent event, String name) {
    OptionMapping option = event.getOption(name);
    return option == null ? Optional.empty() : Optional.of(option.getAsString());
  }
}

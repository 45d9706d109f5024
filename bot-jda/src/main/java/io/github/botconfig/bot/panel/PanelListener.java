package io.github.botconfig.bot.panel;

import io.github.botconfig.domain.ConfigException;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildSettings;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.ISnowflake;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.EntitySelectInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings panels in Discord: opens one on {@code /config panel} (or from the welcome a new
 * server gets when it adds the bot), and answers every click, select and form of one. Each
 * interaction re-checks the member's Manage Server permission and takes the guild from the
 * interaction, never from the custom id; changes are acknowledged first (deferred), then the panel
 * is edited into what was stored. Thread-safe; holds no JDA instance.
 *
 * <p>A plain {@link EventListener}, as the other listeners of the bot (docs/performance.md): it
 * looks at interactions only, so the message path pays one {@code instanceof} chain.
 */
public final class PanelListener implements EventListener {
  /** The {@code /config} subcommand that opens the panel. */
  public static final String SUBCOMMAND = "panel";

  private static final Logger log = LoggerFactory.getLogger(PanelListener.class);
  private static final Permission REQUIRED = Permission.MANAGE_SERVER;
  static final String NO_PERMISSION =
      "❌ You need the **Manage Server** permission to configure this bot, so this panel is closed.";
  static final String WELCOME =
      "👋 Thanks for adding me! A member with the **Manage Server** permission can set me up here"
          + " (channels to track, the global channel, the time zone, summaries), or at any time"
          + " with `/config panel`.";
  private static final String NO_PERMISSION_TO_START =
      "❌ You need the **Manage Server** permission to configure this bot.";
  private static final String SOMETHING_WENT_WRONG =
      "❌ Something went wrong; the error was logged. Open a new panel with `/config panel`.";

  private final PanelActions actions;
  private final Clock clock;
  private final BiFunction<Guild, GuildSettings, List<String>> warnings;

  /**
   * @param repository the configuration: give the cache (panels read it on every click)
   * @param clock what time panels are drawn at, and whether one is older than 15 minutes
   * @param warnings what keeps a guild's global channel from working, one line each
   */
  public PanelListener(
      ConfigRepository repository,
      Clock clock,
      BiFunction<Guild, GuildSettings, List<String>> warnings) {
    this.actions = new PanelActions(repository, clock);
    this.clock = clock;
    this.warnings = warnings;
  }

  @Override
  public void onEvent(GenericEvent event) {
    if (event instanceof SlashCommandInteractionEvent command) {
      if (command.getName().equals("config")
          && command.getSubcommandGroup() == null
          && SUBCOMMAND.equals(command.getSubcommandName())) {
        open(command);
      }
    } else if (event instanceof GuildJoinEvent join) {
      welcome(join.getGuild());
    } else if (event instanceof GenericComponentInteractionCreateEvent component) {
      if (PanelId.isPanel(component.getComponentId())) {
        onComponent(component);
      }
    } else if (event instanceof ModalInteractionEvent modal) {
      if (PanelId.isPanel(modal.getModalId())) {
        onForm(modal);
      }
    }
  }

  private void open(SlashCommandInteractionEvent event) {
    Optional<GuildView> guild = allowed(event);
    if (guild.isEmpty()) {
      event
          .reply(event.getGuild() == null ? "❌ `/config` works in a server only." : NO_PERMISSION)
          .setEphemeral(true)
          .queue(null, f -> log.debug("answering /config panel failed: {}", f.toString()));
      return;
    }
    Screen screen;
    try {
      screen = actions.open(guild.get());
    } catch (RuntimeException e) {
      log.error("/config panel in guild {} failed", guild.get().id(), e);
      screen = new Screen.Closed(SOMETHING_WENT_WRONG);
    }
    PanelView view = PanelRenderer.render(screen, now());
    event
        .reply(
            new MessageCreateBuilder()
                .setContent(view.content())
                .setComponents(view.rows())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build())
        .setEphemeral(true)
        .queue(null, f -> log.warn("opening a panel failed: {}", f.toString()));
  }

  /**
   * A server that adds the bot and has nothing configured gets one message in its system channel
   * (where Discord posts "X joined"), if the bot may write there: a button that opens the first
   * setup, for the member who clicks it only.
   */
  private void welcome(Guild guild) {
    TextChannel channel = guild.getSystemChannel();
    try {
      if (channel == null
          || !channel.canTalk()
          || !actions.isNew(new JdaGuildView(guild, null, warnings))) {
        return;
      }
    } catch (ConfigException e) {
      log.warn("no welcome for guild {}: {}", guild.getId(), e.getMessage());
      return;
    }
    channel
        .sendMessage(
            new MessageCreateBuilder()
                .setContent(WELCOME)
                .setComponents(
                    ActionRow.of(
                        Button.primary(
                            PanelId.of(PanelId.Action.START, 0, 0, now()).encode(),
                            "Set up the bot")))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build())
        .queue(
            null, f -> log.info("welcome to guild {} not posted: {}", guild.getId(), f.toString()));
  }

  /** The welcome's button: a new panel only the clicking member sees; the welcome stays. */
  private void start(GenericComponentInteractionCreateEvent event) {
    Optional<GuildView> guild = allowed(event);
    if (guild.isEmpty()) {
      event
          .reply(NO_PERMISSION_TO_START)
          .setEphemeral(true)
          .queue(null, PanelListener::answerFailed);
      return;
    }
    Screen screen;
    try {
      screen = actions.open(guild.get());
    } catch (RuntimeException e) {
      log.error("opening a panel in guild {} failed", guild.get().id(), e);
      screen = new Screen.Closed(SOMETHING_WENT_WRONG);
    }
    PanelView view = PanelRenderer.render(screen, now());
    event
        .reply(
            new MessageCreateBuilder()
                .setContent(view.content())
                .setComponents(view.rows())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build())
        .setEphemeral(true)
        .queue(null, PanelListener::answerFailed);
  }

  private void onComponent(GenericComponentInteractionCreateEvent event) {
    if (PanelId.parse(event.getComponentId())
        .filter(id -> id.action() == PanelId.Action.START)
        .isPresent()) {
      start(event);
      return;
    }
    Optional<GuildView> guild = allowed(event);
    if (guild.isEmpty()) {
      event.editMessage(closed(NO_PERMISSION)).queue(null, PanelListener::answerFailed);
      return;
    }
    Optional<PanelId> id = parsed(event.getComponentId(), event, guild.get());
    List<String> values = List.of();
    if (event instanceof StringSelectInteractionEvent select) {
      values = select.getValues();
    } else if (event instanceof EntitySelectInteractionEvent select) {
      values = select.getValues().stream().map(ISnowflake::getId).toList();
    } else if (!(event instanceof ButtonInteractionEvent)) {
      return;
    }
    if (id.isPresent() && id.get().action().opensForm()) {
      // A form must be the first answer: it is read only, so no acknowledgement is needed.
      Screen screen = click(id.get(), values, guild.get(), event.getUser().getIdLong());
      if (screen instanceof Screen.Form form) {
        event.replyModal(PanelForms.render(form, now())).queue(null, PanelListener::answerFailed);
      } else {
        event.editMessage(edit(screen)).queue(null, PanelListener::answerFailed);
      }
      return;
    }
    event.deferEdit().queue(null, PanelListener::answerFailed);
    Screen screen =
        id.isPresent()
            ? click(id.get(), values, guild.get(), event.getUser().getIdLong())
            : actions.overview(guild.get(), PanelActions.REFUSED);
    event.getHook().editOriginal(edit(screen)).queue(null, PanelListener::answerFailed);
  }

  private void onForm(ModalInteractionEvent event) {
    Optional<GuildView> guild = allowed(event);
    if (guild.isEmpty()) {
      event.editMessage(closed(NO_PERMISSION)).queue(null, PanelListener::answerFailed);
      return;
    }
    Optional<PanelId> id = parsed(event.getModalId(), event, guild.get());
    ModalMapping value = event.getValue(PanelForms.VALUE);
    event.deferEdit().queue(null, PanelListener::answerFailed);
    Screen screen =
        id.isPresent() && value != null
            ? click(
                id.get(), List.of(value.getAsString()), guild.get(), event.getUser().getIdLong())
            : actions.overview(guild.get(), PanelActions.REFUSED);
    event.getHook().editOriginal(edit(screen)).queue(null, PanelListener::answerFailed);
  }

  private Screen click(PanelId id, List<String> values, GuildView guild, long userId) {
    try {
      return actions.click(id, values, guild, userId);
    } catch (RuntimeException e) {
      log.error("panel click {} in guild {} failed", id.encode(), guild.id(), e);
      return new Screen.Closed(SOMETHING_WENT_WRONG);
    }
  }

  /** The guild, if the interaction comes from one and its member may configure it now. */
  private Optional<GuildView> allowed(Interaction interaction) {
    Guild guild = interaction.getGuild();
    Member member = interaction.getMember();
    if (guild == null || member == null || !member.hasPermission(REQUIRED)) {
      if (guild != null) {
        log.info(
            "panel interaction refused: user {} in guild {} lacks {}",
            interaction.getUser().getId(),
            guild.getId(),
            REQUIRED.getName());
      }
      return Optional.empty();
    }
    return Optional.of(new JdaGuildView(guild, member, warnings));
  }

  private static Optional<PanelId> parsed(
      String customId, Interaction interaction, GuildView guild) {
    Optional<PanelId> id = PanelId.parse(customId);
    if (id.isEmpty()) {
      log.warn(
          "refused a panel interaction with an unreadable custom id '{}' from user {} in guild {}",
          customId.length() > 100 ? customId.substring(0, 100) + "…" : customId,
          interaction.getUser().getId(),
          guild.id());
    }
    return id;
  }

  private MessageEditData edit(Screen screen) {
    PanelView view = PanelRenderer.render(screen, now());
    return new MessageEditBuilder()
        .setContent(view.content())
        .setComponents(view.rows())
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .build();
  }

  private static MessageEditData closed(String text) {
    return new MessageEditBuilder()
        .setContent(text)
        .setComponents(List.of())
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .build();
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  private static void answerFailed(Throwable failure) {
    log.warn("answering a panel interaction failed: {}", failure.toString());
  }
}

package io.github.botconfig.bot.internal.panel;

import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.application.port.in.ConfigAdministration;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SettingsSchema;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
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
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings panels in Discord: opens one on {@code /config panel} or {@code /config-panel} (or
 * from the welcome a new server gets when it adds the bot), and answers every click, select and
 * form of one. It only turns interactions into {@link PanelActions} calls and screens into
 * messages: the guild comes from the interaction, never from the custom id, and the member who
 * clicks is the actor the use cases ask (so the Manage Server permission is checked on every
 * interaction, by the use cases). Changes are acknowledged first (deferred), then the panel is
 * edited into what was stored. Thread-safe; holds no JDA instance.
 *
 * <p>A plain {@link EventListener}, as the other listeners of the bot (docs/performance.md): it
 * looks at interactions only, so the message path pays one {@code instanceof} chain.
 */
public final class PanelListener implements EventListener {
  /** The {@code /config} subcommand that opens the panel. */
  public static final String SUBCOMMAND = "panel";

  /**
   * The top-level command that opens the panel, with no option: Discord runs no command that has
   * subcommands bare, so {@code /config} alone cannot (docs/bot.md).
   */
  public static final String COMMAND = "config-panel";

  private static final Logger log = LoggerFactory.getLogger(PanelListener.class);
  static final String WELCOME =
      "👋 Thanks for adding me! A member with the **Manage Server** permission can set me up here"
          + " (channels to track, the global channel, the time zone, summaries), or at any time"
          + " with `/config panel`.";
  private static final String SOMETHING_WENT_WRONG =
      "❌ Something went wrong; the error was logged. Open a new panel with `/config panel`.";

  private final PanelActions actions;
  private final Function<Member, Actor> members;
  private final Clock clock;
  private final BiFunction<Guild, GuildSettings, List<String>> warnings;

  /**
   * @param useCases the admin use cases every panel reads and writes through (over the cache: a
   *     panel reads it on every click)
   * @param members the actor a member is for the use cases (who may configure which server)
   * @param clock what time panels are drawn at, and whether one is older than 15 minutes
   * @param warnings what keeps a guild's global channel from working, one line each
   */
  public PanelListener(
      ConfigAdministration useCases,
      Function<Member, Actor> members,
      Clock clock,
      BiFunction<Guild, GuildSettings, List<String>> warnings) {
    this(useCases, members, clock, warnings, SettingsSchema.none());
  }

  /**
   * @param useCases the admin use cases every panel reads and writes through (over the cache: a
   *     panel reads it on every click)
   * @param members the actor a member is for the use cases (who may configure which server)
   * @param clock what time panels are drawn at, and whether one is older than 15 minutes
   * @param warnings what keeps a guild's global channel from working, one line each
   * @param schema the project's own setting keys, which the panels list and edit
   */
  public PanelListener(
      ConfigAdministration useCases,
      Function<Member, Actor> members,
      Clock clock,
      BiFunction<Guild, GuildSettings, List<String>> warnings,
      SettingsSchema schema) {
    this.actions = new PanelActions(useCases, clock, schema);
    this.members = members;
    this.clock = clock;
    this.warnings = warnings;
  }

  @Override
  public void onEvent(GenericEvent event) {
    if (event instanceof SlashCommandInteractionEvent command) {
      if (opensPanel(command)) {
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

  /**
   * Whether the command is one that opens the panel: {@code /config panel}, {@code /config-panel}.
   */
  public static boolean opensPanel(SlashCommandInteractionEvent command) {
    return command.getName().equals(COMMAND)
        || (command.getName().equals("config")
            && command.getSubcommandGroup() == null
            && SUBCOMMAND.equals(command.getSubcommandName()));
  }

  /** A new panel, only the member sees it: on the commands, and on the welcome's button. */
  private void open(IReplyCallback event) {
    Optional<GuildView> guild = view(event);
    if (guild.isEmpty()) {
      event
          .reply("❌ `/config` works in a server only.")
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

  /**
   * A server that adds the bot and has nothing configured gets one message in its system channel
   * (where Discord posts "X joined"), if the bot may write there: a button that opens the first
   * setup, for the member who clicks it only.
   */
  private void welcome(Guild guild) {
    TextChannel channel = guild.getSystemChannel();
    if (channel == null
        || !channel.canTalk()
        || !actions.welcomes(new JdaGuildView(guild, null, joined(guild), warnings))) {
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

  /**
   * The bot itself, asking whether a server it just joined has anything configured: it may read
   * that server's configuration, and no other's.
   */
  private static Actor joined(Guild guild) {
    GuildId id = GuildId.of(guild.getIdLong());
    return new Actor() {
      @Override
      public String who() {
        return "the bot, on joining guild " + id;
      }

      @Override
      public boolean mayConfigure(GuildId guildId) {
        return guildId.equals(id);
      }
    };
  }

  private void onComponent(GenericComponentInteractionCreateEvent event) {
    if (PanelId.parse(event.getComponentId())
        .filter(id -> id.action() == PanelId.Action.START)
        .isPresent()) {
      open(event); // the welcome's button: a new panel only the clicking member sees
      return;
    }
    Optional<GuildView> guild = view(event);
    if (guild.isEmpty()) {
      return; // panels are drawn in servers only
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
      Screen screen = click(id.get(), values, guild.get());
      if (screen instanceof Screen.Form form) {
        event.replyModal(PanelForms.render(form, now())).queue(null, PanelListener::answerFailed);
      } else {
        event.editMessage(edit(screen)).queue(null, PanelListener::answerFailed);
      }
      return;
    }
    event.deferEdit().queue(null, PanelListener::answerFailed);
    Screen screen =
        id.isPresent() ? click(id.get(), values, guild.get()) : actions.refused(guild.get());
    event.getHook().editOriginal(edit(screen)).queue(null, PanelListener::answerFailed);
  }

  private void onForm(ModalInteractionEvent event) {
    Optional<GuildView> guild = view(event);
    if (guild.isEmpty()) {
      return;
    }
    Optional<PanelId> id = parsed(event.getModalId(), event, guild.get());
    Optional<List<String>> values = formValues(event);
    event.deferEdit().queue(null, PanelListener::answerFailed);
    Screen screen =
        id.isPresent() && values.isPresent()
            ? click(id.get(), values.get(), guild.get())
            : actions.refused(guild.get());
    event.getHook().editOriginal(edit(screen)).queue(null, PanelListener::answerFailed);
  }

  /**
   * What a form sends: its one value, or for a declared key's form the key's name (from the input's
   * id, checked against the schema by the actions) and the value.
   */
  private static Optional<List<String>> formValues(ModalInteractionEvent event) {
    ModalMapping value = event.getValue(PanelForms.VALUE);
    if (value != null) {
      return Optional.of(List.of(value.getAsString()));
    }
    return event.getValues().stream()
        .filter(m -> m.getCustomId().startsWith(PanelForms.KEY_PREFIX))
        .findFirst()
        .map(
            m ->
                List.of(
                    m.getCustomId().substring(PanelForms.KEY_PREFIX.length()), m.getAsString()));
  }

  private Screen click(PanelId id, List<String> values, GuildView guild) {
    try {
      return actions.click(id, values, guild);
    } catch (RuntimeException e) {
      log.error("panel click {} in guild {} failed", id.encode(), guild.id(), e);
      return new Screen.Closed(SOMETHING_WENT_WRONG);
    }
  }

  /**
   * The guild and member of an interaction from a server; whether the member may configure it is
   * the use cases' question, asked on every click.
   */
  private Optional<GuildView> view(Interaction interaction) {
    Guild guild = interaction.getGuild();
    Member member = interaction.getMember();
    if (guild == null || member == null) {
      return Optional.empty();
    }
    return Optional.of(new JdaGuildView(guild, member, members.apply(member), warnings));
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

  private long now() {
    return clock.instant().getEpochSecond();
  }

  private static void answerFailed(Throwable failure) {
    log.warn("answering a panel interaction failed: {}", failure.toString());
  }
}

package io.github.botconfig.bot;

import io.github.botconfig.bot.internal.guild.ChannelSummary;
import io.github.botconfig.bot.internal.guild.EmbedText;
import io.github.botconfig.bot.internal.guild.GuildSummaries;
import io.github.botconfig.bot.internal.guild.GuildWarnings;
import io.github.botconfig.bot.internal.guild.GuildWarnings.Feature;
import io.github.botconfig.bot.internal.guild.ResultTally;
import io.github.botconfig.bot.internal.guild.SummaryPeriod;
import io.github.botconfig.bot.internal.guild.SummaryText;
import io.github.botconfig.bot.internal.report.AlertPolicy;
import io.github.botconfig.bot.report.ResultReport;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;

/**
 * Posts one summary: checks the global channel, looks there for the same summary posted before (by
 * its footer), reads each tracked channel's history of the period, counts the reports, and sends
 * the embed — mentioning the summary tag and pinning when the preferences say so. Blocks until
 * Discord answered; runs on the scheduler. Thread-safe.
 */
final class JdaSummaryPublisher implements GuildSummaries.Publisher {
  /**
   * At most this many messages of a channel are read for one summary (10 requests, one page held at
   * a time): a reports channel posts far fewer in a month; a chat channel is cut, and says so.
   */
  static final int MAX_MESSAGES = 1_000;

  /**
   * At most this many tracked channels of a guild are read for one summary — as many as an embed
   * shows fields — so one summary costs at most 250 history requests however many channels a guild
   * tracks; the rest are listed as not read.
   */
  static final int MAX_CHANNELS = EmbedText.MAX_FIELDS;

  /**
   * How far the global channel is searched for a summary posted before: the first messages after
   * its period.
   */
  static final int MAX_SEARCHED = 1_000;

  private final ConfigRepository repository;
  private final JdaGuildPresence presence;
  private final GuildWarnings warnings;
  private final PinRotation pins;

  JdaSummaryPublisher(
      ConfigRepository repository,
      JdaGuildPresence presence,
      GuildWarnings warnings,
      PinRotation pins) {
    this.repository = repository;
    this.presence = presence;
    this.warnings = warnings;
    this.pins = pins;
  }

  @Override
  public GuildSummaries.Outcome publish(GuildSettings settings, SummaryPeriod period) {
    Optional<Guild> owned = presence.owned(settings.guildId());
    if (owned.isEmpty()) {
      return GuildSummaries.Outcome.NOT_HERE;
    }
    Guild guild = owned.get();
    Optional<String> problem = GlobalChannelCheck.problem(guild, settings, Feature.SUMMARIES);
    warnings.report(settings.guildId(), Feature.SUMMARIES, problem);
    if (problem.isPresent()) {
      return GuildSummaries.Outcome.SKIPPED;
    }
    GuildMessageChannel channel = GlobalChannelCheck.channel(guild, settings).orElseThrow();
    if (postedBefore(channel, period)) {
      return GuildSummaries.Outcome.ALREADY_POSTED;
    }
    List<ChannelSummary> parts = new ArrayList<>();
    List<ChannelConfig> channels = repository.findChannels(settings.guildId());
    for (int i = 0; i < channels.size(); i++) {
      ChannelConfig tracked = channels.get(i);
      parts.add(
          i < MAX_CHANNELS
              ? summarise(guild, tracked, period)
              : new ChannelSummary(
                  tracked.channelId(),
                  tracked.channelId().toString(),
                  ResultTally.of(List.of()),
                  Optional.of(
                      "not read: a summary reads the first "
                          + MAX_CHANNELS
                          + " tracked channels")));
    }
    send(channel, SummaryText.of(period, parts), settings.summaryPreferences());
    return GuildSummaries.Outcome.POSTED;
  }

  private static boolean postedBefore(GuildMessageChannel channel, SummaryPeriod period) {
    long self = channel.getGuild().getSelfMember().getIdLong();
    AtomicBoolean found = new AtomicBoolean();
    ChannelHistory.since(
        channel,
        period.until(),
        MAX_SEARCHED,
        message -> {
          found.set(message.getAuthor().getIdLong() == self && isSummaryOf(message, period));
          return !found.get();
        });
    return found.get();
  }

  private static boolean isSummaryOf(Message message, SummaryPeriod period) {
    return message.getEmbeds().stream()
        .map(MessageEmbed::getFooter)
        .anyMatch(
            footer ->
                footer != null
                    && footer.getText() != null
                    && SummaryText.isFooterOf(period, footer.getText()));
  }

  private static ChannelSummary summarise(
      Guild guild, ChannelConfig tracked, SummaryPeriod period) {
    GuildMessageChannel channel =
        guild.getChannelById(GuildMessageChannel.class, tracked.channelId().value());
    if (channel == null) {
      return new ChannelSummary(
          tracked.channelId(),
          tracked.channelId().toString(),
          ResultTally.of(List.of()),
          Optional.of("this channel no longer exists"));
    }
    if (!ChannelHistory.readable(channel)) {
      return new ChannelSummary(
          tracked.channelId(),
          channel.getName(),
          ResultTally.of(List.of()),
          Optional.of(
              "I need the **"
                  + Permission.MESSAGE_HISTORY.getName()
                  + "** permission in this channel: its results are not counted"));
    }
    List<ResultReport> reports = new ArrayList<>();
    Instant until = period.until();
    boolean cut =
        ChannelHistory.since(
            channel,
            period.from(),
            MAX_MESSAGES,
            message -> {
              if (!ChannelHistory.createdAt(message).isBefore(until)) {
                return false;
              }
              ChannelHistory.report(message, tracked.reporters()).ifPresent(reports::add);
              return true;
            });
    Optional<String> note =
        cut
            ? Optional.of("only the first " + MAX_MESSAGES + " messages of the period were read")
            : Optional.empty();
    return new ChannelSummary(
        tracked.channelId(), channel.getName(), ResultTally.of(reports), note);
  }

  private void send(GuildMessageChannel channel, EmbedText text, SummaryPreferences preferences) {
    MessageCreateAction action =
        channel
            .sendMessageEmbeds(Embeds.of(text))
            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
    StringBuilder content = new StringBuilder();
    Optional<Tag> tag =
        preferences
            .tag()
            .filter(t -> !AlertPolicy.isEveryone(t, GuildId.of(channel.getGuild().getIdLong())));
    if (tag.isPresent()) {
      content.append(tag.get().mention());
      action = Mentions.allow(action, tag.get());
    }
    boolean pin = preferences.pin();
    if (pin
        && !channel.getGuild().getSelfMember().hasPermission(channel, Permission.PIN_MESSAGES)) {
      pin = false;
      content
          .append(content.length() == 0 ? "" : "\n")
          .append(PinRotation.missing(Permission.PIN_MESSAGES, "this summary is not pinned"));
    }
    if (content.length() > 0) {
      action.setContent(content.toString());
    }
    Message sent = action.complete();
    if (pin) {
      pins.pin(sent, "summary");
    }
  }
}

package io.github.botconfig.bot;

import io.github.botconfig.bot.internal.guild.EmbedText;
import io.github.botconfig.bot.internal.guild.GuildWarnings.Feature;
import io.github.botconfig.bot.internal.guild.LatestResult;
import io.github.botconfig.bot.internal.guild.LiveBoards;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * The boards' Discord: a guild this process owns ({@link JdaGuildPresence#owned}), its global
 * channel, the latest report of each tracked channel, and the board message itself. Every call
 * blocks until Discord answered; they run on the scheduler. Thread-safe.
 */
final class JdaBoards implements LiveBoards.Discord {
  /** How far back a channel's history is searched for its latest result when the board starts. */
  static final int RECENT_MESSAGES = 50;

  private final JdaGuildPresence presence;

  JdaBoards(JdaGuildPresence presence) {
    this.presence = presence;
  }

  @Override
  public Optional<LiveBoards.GuildView> view(GuildId guildId) {
    return presence.owned(guildId).map(View::new);
  }

  private static final class View implements LiveBoards.GuildView {
    private final Guild guild;

    View(Guild guild) {
      this.guild = guild;
    }

    @Override
    public Optional<String> problem(GuildSettings settings) {
      return GlobalChannelCheck.problem(guild, settings, Feature.BOARD);
    }

    @Override
    public Map<ChannelId, LatestResult> latestResults(List<ChannelConfig> channels) {
      Map<ChannelId, LatestResult> latest = new HashMap<>();
      for (ChannelConfig tracked : channels) {
        ChannelId id = tracked.channelId();
        GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, id.value());
        if (channel != null && ChannelHistory.readable(channel)) {
          ChannelHistory.latestReport(channel, RECENT_MESSAGES, tracked.reporters())
              .ifPresent(
                  m ->
                      latest.put(
                          id,
                          new LatestResult(
                              id,
                              ChannelHistory.report(m, tracked.reporters()).orElseThrow(),
                              ChannelHistory.createdAt(m))));
        }
      }
      return latest;
    }

    @Override
    public long post(ChannelId channelId, EmbedText board) {
      return channel(channelId)
          .sendMessageEmbeds(Embeds.of(board))
          .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
          .complete()
          .getIdLong();
    }

    @Override
    public boolean edit(ChannelId channelId, long messageId, EmbedText board) {
      try {
        channel(channelId).editMessageEmbedsById(messageId, Embeds.of(board)).complete();
        return true;
      } catch (ErrorResponseException e) {
        if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
          return false;
        }
        throw e;
      }
    }

    @Override
    public void delete(ChannelId channelId, long messageId) {
      GuildMessageChannel channel =
          guild.getChannelById(GuildMessageChannel.class, channelId.value());
      if (channel == null) {
        return; // deleted with its channel
      }
      try {
        channel.deleteMessageById(messageId).complete();
      } catch (ErrorResponseException e) {
        if (e.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) {
          throw e;
        }
      }
    }

    private GuildMessageChannel channel(ChannelId channelId) {
      GuildMessageChannel channel =
          guild.getChannelById(GuildMessageChannel.class, channelId.value());
      if (channel == null) {
        throw new IllegalStateException(
            "channel " + channelId + " is not in guild " + guild.getId());
      }
      return channel;
    }
  }
}

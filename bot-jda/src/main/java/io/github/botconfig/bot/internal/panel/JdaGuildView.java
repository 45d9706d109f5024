package io.github.botconfig.bot.internal.panel;

import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.bot.internal.RoleTags;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.jspecify.annotations.Nullable;

/** The interaction's guild as JDA's cache knows it. Thread-safe as JDA's cache. */
final class JdaGuildView implements GuildView {
  private final Guild guild;
  private final @Nullable Member member;
  private final Actor actor;
  private final BiFunction<Guild, GuildSettings, List<String>> warnings;

  /**
   * @param member who clicks; null where nobody does (the welcome on joining a server)
   * @param actor who asks the use cases: the member, or the bot itself where nobody clicks
   */
  JdaGuildView(
      Guild guild,
      @Nullable Member member,
      Actor actor,
      BiFunction<Guild, GuildSettings, List<String>> warnings) {
    this.guild = guild;
    this.member = member;
    this.actor = actor;
    this.warnings = warnings;
  }

  @Override
  public Actor actor() {
    return actor;
  }

  @Override
  public GuildId id() {
    return GuildId.of(guild.getIdLong());
  }

  @Override
  public boolean hasChannel(ChannelId channelId) {
    return guild.getTextChannelById(channelId.value()) != null
        || guild.getNewsChannelById(channelId.value()) != null;
  }

  @Override
  public boolean hasRole(long roleId) {
    return guild.getRoleById(roleId) != null;
  }

  @Override
  public Optional<String> roleRefusal(long roleId) {
    return RoleTags.refusal(member, guild, roleId);
  }

  @Override
  public String channelName(ChannelId channelId) {
    GuildMessageChannel channel =
        guild.getChannelById(GuildMessageChannel.class, channelId.value());
    return channel == null ? PanelText.channel(channelId) : "#" + channel.getName();
  }

  @Override
  public List<String> warnings(GuildSettings settings) {
    return warnings.apply(guild, settings);
  }
}

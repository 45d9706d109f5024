package io.github.botconfig.bot;

import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.domain.GuildId;
import net.dv8tion.jda.api.entities.Member;

/**
 * A guild member as the admin use cases see it: it may configure its own guild, and only with the
 * permission {@code /config} requires (re-checked on every command: Discord's default permission
 * can be overridden per server). Never every guild at once. Thread-safe as JDA's member is.
 */
record MemberActor(Member member) implements Actor {

  @Override
  public String who() {
    return "member " + member.getId();
  }

  @Override
  public boolean mayConfigure(GuildId guildId) {
    return member.getGuild().getIdLong() == guildId.value()
        && member.hasPermission(ConfigCommands.REQUIRED);
  }
}

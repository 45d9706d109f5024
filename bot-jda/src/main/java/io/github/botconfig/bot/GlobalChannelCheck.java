package io.github.botconfig.bot;

import io.github.botconfig.bot.guild.GuildWarnings.Feature;
import io.github.botconfig.bot.guild.SummaryKind;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildSettings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/**
 * Whether the global channel can take what the settings turn on, on the bot's cached view of the
 * guild: set, still there, and with the permissions the bot needs in it. The same answer goes to
 * the log (once, by the features) and to admins ({@code /config settings show} and {@code set}).
 * Stateless and thread-safe.
 */
final class GlobalChannelCheck {
  private static final String CHOOSE_ONE = "choose one with `/config settings set global-channel`";
  private static final String CHOOSE_ANOTHER =
      "choose another with `/config settings set global-channel`";

  private GlobalChannelCheck() {}

  /** The global channel, if the settings name one that exists in the guild. */
  static Optional<GuildMessageChannel> channel(Guild guild, GuildSettings settings) {
    return settings
        .globalChannelId()
        .map(id -> guild.getChannelById(GuildMessageChannel.class, id.value()));
  }

  /** Why the feature cannot post in the global channel now; empty when it can (or is off). */
  static Optional<String> problem(Guild guild, GuildSettings settings, Feature feature) {
    if (!isOn(settings, feature)) {
      return Optional.empty();
    }
    Optional<ChannelId> id = settings.globalChannelId();
    if (id.isEmpty()) {
      return Optional.of("no global channel is set: " + CHOOSE_ONE);
    }
    GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, id.get().value());
    if (channel == null) {
      return Optional.of(
          "the global channel <#" + id.get() + "> no longer exists: " + CHOOSE_ANOTHER);
    }
    EnumSet<Permission> needed =
        EnumSet.of(
            Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);
    if (feature == Feature.SUMMARIES) {
      needed.add(Permission.MESSAGE_HISTORY); // to find a summary posted before a restart
    }
    Member self = guild.getSelfMember();
    List<Permission> missing =
        needed.stream().filter(p -> !self.hasPermission(channel, p)).toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "I need the "
            + missing.stream().map(p -> "**" + p.getName() + "**").collect(Collectors.joining(", "))
            + " permission"
            + (missing.size() == 1 ? "" : "s")
            + " in <#"
            + id.get()
            + ">");
  }

  /**
   * One line per feature the settings turn on that cannot post: what {@code /config settings} shows
   * admins.
   */
  static List<String> warnings(Guild guild, GuildSettings settings) {
    List<String> lines = new ArrayList<>(2);
    problem(guild, settings, Feature.SUMMARIES)
        .ifPresent(p -> lines.add("⚠️ Summaries are not posted: " + p + "."));
    problem(guild, settings, Feature.BOARD)
        .ifPresent(p -> lines.add("⚠️ The live board is not posted: " + p + "."));
    return lines;
  }

  private static boolean isOn(GuildSettings settings, Feature feature) {
    return feature == Feature.SUMMARIES
        ? SummaryKind.anyEnabledIn(settings.summaryPreferences())
        : settings.positionDisplayEnabled() && settings.globalChannelId().isPresent();
  }
}

package io.github.botconfig.bot.testing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/** Builds the JSON objects Discord sends, with every field JDA reads. */
final class DiscordJson {
  /** When every fake member joined and every fake message was sent, unless said otherwise. */
  static final String TIMESTAMP = "2026-01-01T00:00:00.000000+00:00";

  private DiscordJson() {}

  static DataObject user(long id, String name, boolean bot) {
    return DataObject.empty()
        .put("id", Long.toUnsignedString(id))
        .put("username", name)
        .put("global_name", null)
        .put("discriminator", "0")
        .put("avatar", null)
        .put("bot", bot);
  }

  static DataObject member(DataObject user, Collection<Long> roleIds) {
    DataArray roles = DataArray.empty();
    roleIds.forEach(id -> roles.add(Long.toUnsignedString(id)));
    return DataObject.empty()
        .put("user", user)
        .put("roles", roles)
        .put("joined_at", TIMESTAMP)
        .put("deaf", false)
        .put("mute", false)
        .put("flags", 0);
  }

  static DataObject message(
      long id, long channelId, long guildId, DataObject author, String content) {
    return DataObject.empty()
        .put("id", Long.toUnsignedString(id))
        .put("channel_id", Long.toUnsignedString(channelId))
        .put("guild_id", Long.toUnsignedString(guildId))
        .put("type", 0)
        .put("content", content)
        .put("author", author)
        .put("mentions", DataArray.empty())
        .put("mention_roles", DataArray.empty())
        .put("mention_everyone", false)
        .put("attachments", DataArray.empty())
        .put("embeds", DataArray.empty())
        .put("components", DataArray.empty())
        .put("timestamp", TIMESTAMP)
        .put("edited_timestamp", null)
        .put("tts", false)
        .put("pinned", false)
        .put("flags", 0);
  }

  static DataObject role(long id, String name, int position, long permissions) {
    return DataObject.empty()
        .put("id", Long.toUnsignedString(id))
        .put("name", name)
        .put("position", position)
        .put("permissions", Long.toString(permissions))
        .put("managed", false)
        .put("hoist", false)
        .put("mentionable", false)
        .put("color", 0)
        .put("colors", DataObject.empty().put("primary_color", 0))
        .put("flags", 0);
  }

  static DataObject textChannel(long id, long guildId, String name, int position) {
    return DataObject.empty()
        .put("id", Long.toUnsignedString(id))
        .put("guild_id", Long.toUnsignedString(guildId))
        .put("type", 0)
        .put("name", name)
        .put("position", position)
        .put("parent_id", null)
        .put("nsfw", false)
        .put("permission_overwrites", DataArray.empty());
  }

  /** A text channel as an interaction's {@code resolved.channels} gives it. */
  static DataObject resolvedChannel(long id, String name) {
    return DataObject.empty()
        .put("id", Long.toUnsignedString(id))
        .put("type", 0)
        .put("name", name)
        .put("permissions", "0");
  }

  static String timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
  }
}

package io.github.botconfig.bot.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A guild of the {@link FakeDiscord}: its text channels, roles and members, and what the bot may do
 * there.
 *
 * <p>Every member can view channels, send messages and read history (the {@code @everyone} role);
 * the bot has {@link #DEFAULT_BOT_PERMISSIONS} through a role of its own unless {@link
 * #botPermissions} says otherwise. Thread-safe; changes after the bot received the guild reach it
 * only when the guild is sent again (a join).
 */
public final class FakeGuild {
  /** What a well-configured bot has: answer, attach its card, pin, and read history to reply. */
  public static final EnumSet<Permission> DEFAULT_BOT_PERMISSIONS =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_HISTORY,
          Permission.MESSAGE_ATTACH_FILES,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.PIN_MESSAGES);

  private static final EnumSet<Permission> EVERYONE =
      EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_HISTORY);

  private final long id;
  private final String name;
  private final long botUserId;
  private final long botRoleId;
  private final Map<Long, String> channels = new LinkedHashMap<>();
  private final Map<Long, DataObject> roles = new LinkedHashMap<>();
  private final Map<Long, Member> members = new LinkedHashMap<>();
  private EnumSet<Permission> botPermissions = DEFAULT_BOT_PERMISSIONS;
  private long systemChannelId;

  private record Member(DataObject user, List<Long> roles) {}

  FakeGuild(long id, String name, long botUserId) {
    this.id = id;
    this.name = name;
    this.botUserId = botUserId;
    this.botRoleId = id + 1;
    roles.put(id, DiscordJson.role(id, "@everyone", 0, Permission.getRaw(EVERYONE)));
    members.put(
        botUserId, new Member(DiscordJson.user(botUserId, "botconfig", true), List.of(botRoleId)));
  }

  public long id() {
    return id;
  }

  /** Adds a text channel. */
  public synchronized FakeGuild textChannel(long channelId, String channelName) {
    channels.put(channelId, channelName);
    return this;
  }

  /** Adds a role with these permissions (on top of {@code @everyone}'s). */
  public synchronized FakeGuild role(long roleId, String roleName, Permission... permissions) {
    roles.put(
        roleId, DiscordJson.role(roleId, roleName, roles.size(), Permission.getRaw(permissions)));
    return this;
  }

  /** Adds a role anyone may mention, with these permissions (on top of {@code @everyone}'s). */
  public synchronized FakeGuild mentionableRole(
      long roleId, String roleName, Permission... permissions) {
    roles.put(
        roleId,
        DiscordJson.role(roleId, roleName, roles.size(), Permission.getRaw(permissions))
            .put("mentionable", true));
    return this;
  }

  /** Adds a human member with these roles. */
  public synchronized FakeGuild member(long userId, String userName, Long... roleIds) {
    members.put(userId, new Member(DiscordJson.user(userId, userName, false), List.of(roleIds)));
    return this;
  }

  /**
   * Replaces a member's roles: their next interaction carries the new ones (and the permissions
   * they give), as Discord's would after an admin changed them.
   */
  public synchronized FakeGuild memberRoles(long userId, Long... roleIds) {
    Member member = members.get(userId);
    if (member == null) {
      throw new IllegalArgumentException("user " + userId + " is not a member of fake guild " + id);
    }
    members.put(userId, new Member(member.user(), List.of(roleIds)));
    return this;
  }

  /** Makes a channel of this guild its system channel (where Discord posts "X joined"). */
  public synchronized FakeGuild systemChannel(long channelId) {
    if (!channels.containsKey(channelId)) {
      throw new IllegalArgumentException("fake guild " + id + " has no channel " + channelId);
    }
    systemChannelId = channelId;
    return this;
  }

  /** Replaces what the bot's role allows. */
  public synchronized FakeGuild botPermissions(EnumSet<Permission> permissions) {
    botPermissions = EnumSet.copyOf(permissions);
    return this;
  }

  /** A role's JSON; a role of no guild (as a forged interaction names) gets a made-up one. */
  synchronized DataObject roleJson(long roleId) {
    DataObject role = roles.get(roleId);
    return role != null ? role : DiscordJson.role(roleId, "role-" + roleId, 1, 0);
  }

  synchronized boolean hasChannel(long channelId) {
    return channels.containsKey(channelId);
  }

  synchronized String channelName(long channelId) {
    return channels.get(channelId);
  }

  synchronized void removeChannel(long channelId) {
    channels.remove(channelId);
  }

  synchronized DataObject user(long userId) {
    Member member = members.get(userId);
    if (member == null) {
      throw new IllegalArgumentException("user " + userId + " is not a member of fake guild " + id);
    }
    return member.user();
  }

  synchronized DataObject member(long userId) {
    Member member = members.get(userId);
    return DiscordJson.member(user(userId), member.roles());
  }

  /**
   * The member's permissions as Discord computes them for an interaction: the union of their
   * roles'.
   */
  synchronized long permissionsOf(long userId) {
    long permissions = Permission.getRaw(EVERYONE);
    for (long roleId : members.get(userId).roles()) {
      permissions |=
          roleId == botRoleId
              ? Permission.getRaw(botPermissions)
              : roles.get(roleId).getLong("permissions");
    }
    return permissions;
  }

  /** The GUILD_CREATE payload. */
  synchronized DataObject toJson() {
    DataArray roleArray = DataArray.empty();
    roles.values().forEach(roleArray::add);
    roleArray.add(
        DiscordJson.role(botRoleId, "botconfig", roles.size(), Permission.getRaw(botPermissions)));
    DataArray memberArray = DataArray.empty();
    members.forEach(
        (userId, member) -> memberArray.add(DiscordJson.member(member.user(), member.roles())));
    DataArray channelArray = DataArray.empty();
    List<Long> ids = new ArrayList<>(channels.keySet());
    for (int i = 0; i < ids.size(); i++) {
      channelArray.add(DiscordJson.textChannel(ids.get(i), id, channels.get(ids.get(i)), i));
    }
    return DataObject.empty()
        .put("id", Long.toUnsignedString(id))
        .put("name", name)
        .put("icon", null)
        .put("owner_id", "1") // nobody of the test: owners bypass permission checks
        .put("member_count", members.size())
        .put("large", false)
        .put("unavailable", false)
        .put("joined_at", DiscordJson.TIMESTAMP)
        .put("afk_timeout", 300)
        .put("verification_level", 0)
        .put("default_message_notifications", 0)
        .put("explicit_content_filter", 0)
        .put("mfa_level", 0)
        .put("nsfw_level", 0)
        .put("premium_tier", 0)
        .put("preferred_locale", "en-US")
        .put("system_channel_flags", 0)
        .put(
            "system_channel_id",
            systemChannelId == 0 ? null : Long.toUnsignedString(systemChannelId))
        .put("features", DataArray.empty())
        .put("roles", roleArray)
        .put("members", memberArray)
        .put("channels", channelArray)
        .put("threads", DataArray.empty())
        .put("guild_scheduled_events", DataArray.empty())
        .put("emojis", DataArray.empty())
        .put("stickers", DataArray.empty())
        .put("voice_states", DataArray.empty())
        .put("presences", DataArray.empty())
        .put("stage_instances", DataArray.empty());
  }
}

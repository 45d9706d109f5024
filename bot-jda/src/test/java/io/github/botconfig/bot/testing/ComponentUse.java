package io.github.botconfig.bot.testing;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A member uses a component of an (ephemeral) message the bot sent: clicks a button, submits a
 * select menu, or submits the form a button opened. The custom id is sent as given, so a test can
 * forge one. Each method sends one INTERACTION_CREATE and returns its token, for {@link
 * FakeDiscord#awaitPanelReply}. Not thread-safe: use it from one thread.
 */
public final class ComponentUse {
  private static final int BUTTON = 2;
  private static final int STRING_SELECT = 3;
  private static final int USER_SELECT = 5;
  private static final int ROLE_SELECT = 6;
  private static final int CHANNEL_SELECT = 8;

  private final FakeDiscord discord;
  private final long guildId;
  private final long channelId;
  private final long userId;
  private final String customId;

  ComponentUse(FakeDiscord discord, long guildId, long channelId, long userId, String customId) {
    this.discord = discord;
    this.guildId = guildId;
    this.channelId = channelId;
    this.userId = userId;
    this.customId = customId;
  }

  /** Clicks the button (interaction type 3, component type 2). */
  public String click() {
    return component(BUTTON, DataArray.empty(), DataObject.empty());
  }

  /** Submits a string select with these values (component type 3). */
  public String selectStrings(String... values) {
    DataArray array = DataArray.empty();
    for (String value : values) {
      array.add(value);
    }
    return component(STRING_SELECT, array, DataObject.empty());
  }

  /** Submits a user select (component type 5); the users must be members of the guild. */
  public String selectUsers(long... users) {
    DataObject map = DataObject.empty();
    for (long user : users) {
      map.put(Long.toUnsignedString(user), discord.userOf(guildId, user));
    }
    return component(USER_SELECT, ids(users), DataObject.empty().put("users", map));
  }

  /** Submits a role select (component type 6); a role of no guild gets made-up data. */
  public String selectRoles(long... roles) {
    DataObject map = DataObject.empty();
    for (long role : roles) {
      map.put(Long.toUnsignedString(role), discord.roleOf(guildId, role));
    }
    return component(ROLE_SELECT, ids(roles), DataObject.empty().put("roles", map));
  }

  /**
   * Submits a channel select (component type 8); the channels may belong to any guild, or to none,
   * as a crafted interaction's could.
   */
  public String selectChannels(long... channels) {
    DataObject map = DataObject.empty();
    for (long channel : channels) {
      map.put(
          Long.toUnsignedString(channel),
          DiscordJson.resolvedChannel(channel, discord.anyChannelName(channel)));
    }
    return component(CHANNEL_SELECT, ids(channels), DataObject.empty().put("channels", map));
  }

  /**
   * Submits the form (modal) whose custom id this is, with one text input (interaction type 5; the
   * input in a label, as Discord sends it).
   */
  public String submitForm(String inputId, String value) {
    DataObject data =
        DataObject.empty()
            .put("custom_id", customId)
            .put(
                "components",
                DataArray.empty()
                    .add(
                        DataObject.empty()
                            .put("type", 18)
                            .put("id", 1)
                            .put(
                                "component",
                                DataObject.empty()
                                    .put("type", 4)
                                    .put("id", 2)
                                    .put("custom_id", inputId)
                                    .put("value", value))));
    return discord.interact(5, guildId, channelId, userId, data, null);
  }

  private String component(int componentType, DataArray values, DataObject resolved) {
    DataObject data =
        DataObject.empty().put("custom_id", customId).put("component_type", componentType);
    if (componentType != BUTTON) {
      data.put("values", values).put("resolved", resolved);
    }
    // An ephemeral message: Discord sends only its id and flags (JDA then keeps no message).
    DataObject message = DataObject.empty().put("id", "1").put("flags", 64);
    return discord.interact(3, guildId, channelId, userId, data, message);
  }

  private static DataArray ids(long[] ids) {
    DataArray array = DataArray.empty();
    for (long id : ids) {
      array.add(Long.toUnsignedString(id));
    }
    return array;
  }
}

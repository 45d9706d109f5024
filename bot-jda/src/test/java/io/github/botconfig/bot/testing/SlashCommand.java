package io.github.botconfig.bot.testing;

import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A slash command a member runs, built option by option and sent by the {@link FakeDiscord} as an
 * INTERACTION_CREATE. Not thread-safe: build and send it from one thread.
 */
public final class SlashCommand {
  private final FakeDiscord discord;
  private final String name;
  private final long guildId;
  private final long channelId;
  private final long userId;
  private String group = "";
  private String subcommand = "";
  private final DataArray options = DataArray.empty();
  private final DataObject resolvedChannels = DataObject.empty();

  SlashCommand(FakeDiscord discord, String name, long guildId, long channelId, long userId) {
    this.discord = discord;
    this.name = name;
    this.guildId = guildId;
    this.channelId = channelId;
    this.userId = userId;
  }

  /** {@code /name group subcommand}. */
  public SlashCommand subcommand(String group, String subcommand) {
    this.group = group;
    this.subcommand = subcommand;
    return this;
  }

  /** {@code /name subcommand}: a subcommand outside any group. */
  public SlashCommand subcommand(String subcommand) {
    return subcommand("", subcommand);
  }

  public SlashCommand option(String optionName, boolean value) {
    return add(optionName, OptionType.BOOLEAN, value);
  }

  public SlashCommand option(String optionName, String value) {
    return add(optionName, OptionType.STRING, value);
  }

  /**
   * A channel option; the channel may belong to any guild of the fake, as a crafted interaction
   * could.
   */
  public SlashCommand channel(String optionName, long channel) {
    resolvedChannels.put(
        Long.toUnsignedString(channel),
        DiscordJson.resolvedChannel(channel, discord.channelName(channel)));
    return add(optionName, OptionType.CHANNEL, Long.toUnsignedString(channel));
  }

  public SlashCommand user(String optionName, long user) {
    return add(optionName, OptionType.USER, Long.toUnsignedString(user));
  }

  public SlashCommand role(String optionName, long role) {
    return add(optionName, OptionType.ROLE, Long.toUnsignedString(role));
  }

  /**
   * Sends the command; returns the interaction's token, for {@link
   * FakeDiscord#awaitInteractionReply}.
   */
  public String send() {
    return discord.interact(2, guildId, channelId, userId, data(options));
  }

  /**
   * Sends an autocomplete request with {@code typed} in the focused string option {@code
   * optionName}.
   */
  public String autocomplete(String optionName, String typed) {
    DataArray withFocus = DataArray.fromJson(options.toString());
    withFocus.add(
        DataObject.empty()
            .put("name", optionName)
            .put("type", OptionType.STRING.getKey())
            .put("value", typed)
            .put("focused", true));
    return discord.interact(4, guildId, channelId, userId, data(withFocus));
  }

  private SlashCommand add(String optionName, OptionType type, Object value) {
    options.add(
        DataObject.empty().put("name", optionName).put("type", type.getKey()).put("value", value));
    return this;
  }

  private DataObject data(DataArray leaves) {
    DataArray tree = leaves;
    if (!subcommand.isEmpty()) {
      DataObject sub =
          DataObject.empty()
              .put("name", subcommand)
              .put("type", OptionType.SUB_COMMAND.getKey())
              .put("options", leaves);
      tree =
          group.isEmpty()
              ? DataArray.empty().add(sub)
              : DataArray.empty()
                  .add(
                      DataObject.empty()
                          .put("name", group)
                          .put("type", OptionType.SUB_COMMAND_GROUP.getKey())
                          .put("options", DataArray.empty().add(sub)));
    }
    return DataObject.empty()
        .put("id", "1000")
        .put("name", name)
        .put("type", 1)
        .put("options", tree)
        .put("resolved", DataObject.empty().put("channels", resolvedChannels));
  }
}

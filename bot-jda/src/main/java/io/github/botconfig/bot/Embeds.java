package io.github.botconfig.bot;

import io.github.botconfig.bot.internal.guild.EmbedText;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** Turns the bot's embed texts into JDA embeds. Stateless and thread-safe. */
final class Embeds {
  /** A calm blue, the same for every embed the bot posts. */
  static final int COLOR = 0x3B82F6;

  private Embeds() {}

  static MessageEmbed of(EmbedText text) {
    EmbedBuilder embed =
        new EmbedBuilder()
            .setColor(COLOR)
            .setTitle(text.title())
            .setDescription(text.description());
    text.fields().forEach(field -> embed.addField(field.name(), field.value(), false));
    text.footer().ifPresent(embed::setFooter);
    text.timestamp().ifPresent(embed::setTimestamp);
    return embed.build();
  }
}

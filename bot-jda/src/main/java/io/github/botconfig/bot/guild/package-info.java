/**
 * What a guild's settings make the bot do, without JDA (an architecture test keeps it so): the
 * periodic summaries ({@link io.github.botconfig.bot.guild.GuildSummaries} schedules them at local
 * midnight, {@link io.github.botconfig.bot.guild.SummaryPeriod} says which days a summary covers,
 * {@link io.github.botconfig.bot.guild.ResultTally} counts the results) and the live board ({@link
 * io.github.botconfig.bot.guild.LiveBoards} keeps one message per guild up to date, at most one
 * edit per 10 seconds). The bot's JDA classes read and write Discord for them.
 */
@NullMarked
package io.github.botconfig.bot.guild;

import org.jspecify.annotations.NullMarked;

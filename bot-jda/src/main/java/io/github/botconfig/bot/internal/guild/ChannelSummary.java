package io.github.botconfig.bot.internal.guild;

import io.github.botconfig.domain.ChannelId;
import java.util.Optional;

/**
 * One tracked channel's part of a summary.
 *
 * <p>Immutable and thread-safe.
 *
 * @param channelId the channel
 * @param name its name, shown as {@code #name}
 * @param tally its results in the period
 * @param note what limits the tally, such as a history the bot may not read
 */
public record ChannelSummary(
    ChannelId channelId, String name, ResultTally tally, Optional<String> note) {}

package io.github.botconfig.bot.internal.guild;

import io.github.botconfig.bot.report.ResultReport;
import io.github.botconfig.domain.ChannelId;
import java.time.Instant;

/**
 * The latest result reported in a tracked channel, as the board shows it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param channelId the channel
 * @param report what the report said
 * @param at when it was posted
 */
public record LatestResult(ChannelId channelId, ResultReport report, Instant at) {}

/**
 * Internal to bot-jda, no compatibility promise: reading a result report and deciding the alert.
 * Plain Java, no JDA (an architecture test keeps it so).
 *
 * <p>{@link io.github.botconfig.bot.internal.report.ReportParser} finds the percentage and the
 * trigger in a message's text, {@link io.github.botconfig.bot.internal.report.AlertPolicy} decides
 * from a channel's configuration whether and how to answer, and {@link
 * io.github.botconfig.bot.internal.report.ResultCard} draws the image that goes with the answer.
 */
@NullMarked
package io.github.botconfig.bot.internal.report;

import org.jspecify.annotations.NullMarked;

/**
 * The message path, part of the module's API: one posted message in, one {@link
 * io.github.botconfig.bot.report.Decision} out. Plain Java, no JDA (an architecture test keeps it
 * so), which is why the launcher's {@code simulate} can drive it as the listener does.
 *
 * <p>{@link io.github.botconfig.bot.report.MessagePath} asks the repository whether a channel is
 * tracked, reads the message once into a {@link io.github.botconfig.bot.report.ResultReport}, and
 * decides; {@link io.github.botconfig.bot.report.AlertLimits} holds each channel's alert and
 * mention rates. How the text is read and the alert chosen is internal ({@code
 * io.github.botconfig.bot.internal.report}).
 */
@NullMarked
package io.github.botconfig.bot.report;

import org.jspecify.annotations.NullMarked;

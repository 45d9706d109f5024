/**
 * The configuration model and the ports of botconfig.
 *
 * <p>Model: {@link io.github.botconfig.domain.ChannelConfig} (a tracked channel), {@link
 * io.github.botconfig.domain.GuildSettings} (one per guild), {@link
 * io.github.botconfig.domain.LiveBoard} (where a guild's live board message is) and the values they
 * are made of ({@link io.github.botconfig.domain.GuildId}, {@link
 * io.github.botconfig.domain.ChannelId}, {@link io.github.botconfig.domain.Tag}, {@link
 * io.github.botconfig.domain.Threshold}). Every value is immutable and validated when it is built:
 * an invalid one cannot exist.
 *
 * <p>Ports: {@link io.github.botconfig.domain.ConfigRepository} is what a bot calls; {@link
 * io.github.botconfig.domain.ConfigStore} is what a persistence adapter implements. Failures are
 * {@link io.github.botconfig.domain.ConfigException}s.
 *
 * <p>This package depends on nothing but the JDK (an architecture test checks it). Absent values
 * are {@link java.util.Optional}; nothing here accepts or returns {@code null}.
 */
@NullMarked
@BotConfigStyle
package io.github.botconfig.domain;

import org.jspecify.annotations.NullMarked;

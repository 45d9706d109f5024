package io.github.botconfig.bot.internal.lifecycle;

import io.github.botconfig.bot.internal.lifecycle.GuildPresence.Presence;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Keeps stored configuration in step with the guilds and channels the bot is in.
 *
 * <ul>
 *   <li>The bot left a guild: its departure time is stored ({@link GuildSettings#departedAt()}), so
 *       a restart does not forget it; nothing is deleted yet.
 *   <li>The bot is back (joined again, or found in the guild at start): the departure is cleared.
 *   <li>{@link #sweep}, run daily: guilds departed longer than the grace period ago, and still
 *       absent, are purged.
 *   <li>A channel was deleted: it is untracked, and it stops being the guild's global channel.
 * </ul>
 *
 * <p>Every write uses the repository's optimistic versions and re-reads on a conflict. Thread-safe
 * when the repository is.
 */
public final class GuildDepartures {
  private final ConfigRepository repository;
  private final Clock clock;
  private final Duration gracePeriod;

  /**
   * @throws IllegalArgumentException if {@code gracePeriod} is negative
   */
  public GuildDepartures(ConfigRepository repository, Clock clock, Duration gracePeriod) {
    if (gracePeriod.isNegative()) {
      throw new IllegalArgumentException(
          "purge grace period must be 0 or more, got " + gracePeriod);
    }
    this.repository = repository;
    this.clock = clock;
    this.gracePeriod = gracePeriod;
  }

  /**
   * Records that the bot left a guild, unless nothing is stored for it or a departure is already
   * recorded (the grace period counts from the first one).
   *
   * @return whether a departure was recorded now
   */
  public boolean departed(GuildId guildId) {
    Optional<GuildSettings> settings = repository.findSettings(guildId);
    if (settings.isEmpty() && repository.findChannels(guildId).isEmpty()) {
      return false;
    }
    if (settings.flatMap(GuildSettings::departedAt).isPresent()) {
      return false;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // what the store keeps
    GuildSettings saved =
        repository
            .updateSettings(guildId, s -> s.departedAt().isPresent() ? s : s.withDepartedAt(now))
            .after();
    return saved.departedAt().filter(now::equals).isPresent();
  }

  /**
   * Clears a recorded departure: the bot is in the guild again.
   *
   * @return whether a departure was cleared
   */
  public boolean returned(GuildId guildId) {
    if (repository.findSettings(guildId).flatMap(GuildSettings::departedAt).isEmpty()) {
      return false; // the common case, on every start for every guild: one in-memory read, no write
    }
    repository.updateSettings(guildId, s -> s.withDepartedAt(Optional.empty()));
    return true;
  }

  /**
   * Untracks a deleted channel and clears it as the guild's global channel.
   *
   * @return whether anything stored changed
   */
  public boolean channelDeleted(GuildId guildId, ChannelId channelId) {
    boolean untracked =
        repository.findChannel(channelId).filter(c -> c.guildId().equals(guildId)).isPresent()
            && repository.deleteChannel(guildId, channelId);
    boolean wasGlobal =
        repository
            .findSettings(guildId)
            .flatMap(GuildSettings::globalChannelId)
            .filter(channelId::equals)
            .isPresent();
    if (wasGlobal) {
      repository.updateSettings(
          guildId,
          s ->
              s.globalChannelId().filter(channelId::equals).isPresent()
                  ? s.withGlobalChannelId(Optional.empty())
                  : s);
    }
    return untracked || wasGlobal;
  }

  /**
   * Goes over every stored guild once: purges those departed at least the grace period ago and
   * still absent, clears the departure of those present again, and leaves alone guilds whose
   * presence is unknown.
   *
   * <p>A guild the bot is not in but never saw leave is kept: a table can be shared with another
   * bot (the running TypeScript one, or a test bot with another token), whose guilds this bot is
   * not in.
   */
  public SweepResult sweep(Collection<GuildId> storedGuilds, GuildPresence presence) {
    List<GuildId> purged = new ArrayList<>();
    List<GuildId> returned = new ArrayList<>();
    List<GuildId> waiting = new ArrayList<>();
    List<GuildId> absentUnrecorded = new ArrayList<>();
    Instant now = clock.instant();
    for (GuildId guildId : storedGuilds) {
      Presence state = presence.of(guildId);
      Optional<Instant> departedAt =
          repository.findSettings(guildId).flatMap(GuildSettings::departedAt);
      if (state == Presence.UNKNOWN) {
        continue;
      }
      if (state == Presence.PRESENT) {
        if (departedAt.isPresent() && returned(guildId)) {
          returned.add(guildId);
        }
      } else if (departedAt.isEmpty()) {
        absentUnrecorded.add(guildId);
      } else if (!now.isBefore(departedAt.get().plus(gracePeriod))) {
        repository.deleteGuild(guildId);
        purged.add(guildId);
      } else {
        waiting.add(guildId);
      }
    }
    return new SweepResult(purged, returned, waiting, absentUnrecorded);
  }
}

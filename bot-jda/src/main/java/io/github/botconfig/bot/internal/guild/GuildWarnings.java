package io.github.botconfig.bot.internal.guild;

import io.github.botconfig.domain.GuildId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a guild's summaries or board cannot be posted, logged once per guild, feature and problem: a
 * missing global channel is one warning, not one per run. When the problem goes away it is
 * forgotten, so it is logged again if it comes back. Thread-safe.
 */
public final class GuildWarnings {
  private static final Logger log = LoggerFactory.getLogger(GuildWarnings.class);

  /** What cannot be posted. */
  public enum Feature {
    SUMMARIES("summaries"),
    BOARD("the live board");

    private final String text;

    Feature(String text) {
      this.text = text;
    }
  }

  private record Key(GuildId guildId, Feature feature) {}

  private final Map<Key, String> current = new ConcurrentHashMap<>();

  /** Records the feature's problem in the guild now (empty: none), logging a new one. */
  public void report(GuildId guildId, Feature feature, Optional<String> problem) {
    Key key = new Key(guildId, feature);
    if (problem.isEmpty()) {
      if (current.remove(key) != null) {
        log.info("guild {}: {} can be posted again", guildId, feature.text);
      }
      return;
    }
    if (!problem.get().equals(current.put(key, problem.get()))) {
      log.warn("guild {}: {} cannot be posted: {}", guildId, feature.text, problem.get());
    }
  }

  /** The problem last recorded for the feature in the guild. */
  public Optional<String> problem(GuildId guildId, Feature feature) {
    return Optional.ofNullable(current.get(new Key(guildId, feature)));
  }
}

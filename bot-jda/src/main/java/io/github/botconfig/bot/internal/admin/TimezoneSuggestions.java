package io.github.botconfig.bot.internal.admin;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time zones offered while an admin types one: IANA region names containing what was typed,
 * those starting with it first, at most {@value #MAX} (Discord's limit for autocomplete choices).
 *
 * <p>Immutable and thread-safe: the zone list is read once.
 */
public final class TimezoneSuggestions {
  /** Discord shows at most 25 choices. */
  public static final int MAX = 25;

  private static final List<String> ZONES =
      ZoneId.getAvailableZoneIds().stream()
          .filter(id -> id.contains("/") || id.equals("UTC"))
          .filter(id -> !id.startsWith("SystemV/") && !id.startsWith("Etc/"))
          .sorted()
          .toList();

  private TimezoneSuggestions() {}

  /**
   * Returns up to {@value #MAX} zone names matching {@code typed} (any case; spaces match
   * underscores).
   */
  public static List<String> suggest(String typed) {
    String needle = typed.strip().replace(' ', '_').toLowerCase(Locale.ROOT);
    List<String> starting = new ArrayList<>();
    List<String> containing = new ArrayList<>();
    for (String zone : ZONES) {
      String lower = zone.toLowerCase(Locale.ROOT);
      if (lower.startsWith(needle) || lower.contains("/" + needle)) {
        starting.add(zone);
      } else if (lower.contains(needle)) {
        containing.add(zone);
      }
    }
    starting.addAll(containing);
    return List.copyOf(starting.subList(0, Math.min(MAX, starting.size())));
  }
}

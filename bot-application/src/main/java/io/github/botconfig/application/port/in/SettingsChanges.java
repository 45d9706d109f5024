package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What {@code /config settings set} asks to change; every field left empty keeps the stored value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timezone the new IANA time zone
 * @param board turn the live board on or off
 * @param dailySummary turn the daily summary on or off
 * @param weeklySummary turn the weekly summary on or off
 * @param monthlySummary turn the monthly summary on or off
 * @param summaryTag set or clear whom summaries mention
 * @param summaryPin turn pinning summaries on or off
 * @param globalChannel set or clear where summaries and the live board go
 */
public record SettingsChanges(
    Optional<ZoneId> timezone,
    Optional<Boolean> board,
    Optional<Boolean> dailySummary,
    Optional<Boolean> weeklySummary,
    Optional<Boolean> monthlySummary,
    OptionalChange<Tag> summaryTag,
    Optional<Boolean> summaryPin,
    OptionalChange<ChannelId> globalChannel) {

  /** Changes nothing. */
  public static SettingsChanges none() {
    return new SettingsChanges(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalChange.keep(),
        Optional.empty(),
        OptionalChange.keep());
  }

  /** Whether nothing is to change. */
  public boolean isEmpty() {
    return timezone.isEmpty()
        && board.isEmpty()
        && dailySummary.isEmpty()
        && weeklySummary.isEmpty()
        && monthlySummary.isEmpty()
        && summaryTag.isKeep()
        && summaryPin.isEmpty()
        && globalChannel.isKeep();
  }

  /**
   * Returns {@code settings} with these changes; its version is kept, so saving it is optimistic.
   */
  public GuildSettings applyTo(GuildSettings settings) {
    SummaryPreferences summaries = settings.summaryPreferences();
    return settings
        .withTimezone(timezone.orElse(settings.timezone()))
        .withPositionDisplayEnabled(board.orElse(settings.positionDisplayEnabled()))
        .withSummaryPreferences(
            summaries
                .withDailySummary(dailySummary.orElse(summaries.dailySummary()))
                .withWeeklySummary(weeklySummary.orElse(summaries.weeklySummary()))
                .withMonthlySummary(monthlySummary.orElse(summaries.monthlySummary()))
                .withTag(summaryTag.applyTo(summaries.tag()))
                .withPin(summaryPin.orElse(summaries.pin())))
        .withGlobalChannelId(globalChannel.applyTo(settings.globalChannelId()));
  }
}

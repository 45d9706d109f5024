package io.github.botconfig.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The settings of one guild: its time zone, the live board, the periodic summaries and where they
 * go.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}. A guild that never stored settings
 * behaves as {@link #defaults(GuildId)}. Metadata is set by the store, as for {@link
 * ChannelConfig}.
 */
@Value.Immutable
public abstract class GuildSettings {
  /** The region {@code UTC} (a {@link ZoneId} with that name, not the offset {@code Z}). */
  public static final ZoneId UTC = ZoneId.of("UTC");

  private static final java.util.regex.Pattern PREFIXED_OFFSET =
      java.util.regex.Pattern.compile("(?i)(GMT|UTC|UT)[+-].*");

  GuildSettings() {}

  /** Returns a builder; {@link Builder#guildId} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings of a guild that stored none: UTC, live board on, every summary off, no global
   * channel.
   */
  public static GuildSettings defaults(GuildId guildId) {
    return builder().guildId(guildId).build();
  }

  /**
   * Reads an IANA time zone name such as {@code Europe/Paris} or {@code UTC}.
   *
   * @throws InvalidConfigException naming the value if it is not a known region (offsets such as
   *     {@code +02:00}, {@code GMT+2}, {@code UTC+2} or {@code UT+01:00} are refused: they ignore
   *     daylight saving time)
   */
  public static ZoneId parseTimezone(String text) {
    try {
      ZoneId zone = ZoneId.of(text);
      // Java also reads fixed offsets written as "GMT+2", "UTC+2" or "UT+01:00" (a ZoneRegion with
      // fixed rules): like "+02:00", they ignore daylight saving time, so a guild's midnight would
      // drift by an hour half the year. A guild's midnight needs a region.
      if (zone instanceof ZoneOffset || PREFIXED_OFFSET.matcher(text.strip()).matches()) {
        throw new DateTimeException("offset");
      }
      return zone;
    } catch (DateTimeException e) {
      throw Inputs.invalid(
          "timezone must be an IANA time zone such as 'Europe/Paris' or 'UTC', got %s",
          Inputs.quote(text));
    }
  }

  public abstract GuildId guildId();

  /** The time zone summaries follow. Default UTC. */
  @Value.Default
  public ZoneId timezone() {
    return UTC;
  }

  /** Whether the live board is kept in the global channel. Default {@code true}. */
  @Value.Default
  public boolean positionDisplayEnabled() {
    return true;
  }

  /** Which summaries to post. Default: none. */
  @Value.Default
  public SummaryPreferences summaryPreferences() {
    return SummaryPreferences.none();
  }

  /** Where summaries and the live board go; empty: nowhere. */
  public abstract Optional<ChannelId> globalChannelId();

  /**
   * When the bot was removed from the guild, if it was and has not come back. The guild's items are
   * purged after a grace period counted from here; a guild that is merely unavailable (a Discord
   * outage) has not departed.
   */
  public abstract Optional<Instant> departedAt();

  /**
   * The values of the project's own {@link SettingKey}s ({@link SettingKey.Scope#GUILD}); read them
   * with {@link #get}. Default: none stored.
   */
  @Value.Default
  public CustomValues custom() {
    return CustomValues.none();
  }

  /**
   * The value of the project's own {@code key}: the stored one, or the key's default. Allocates
   * nothing (docs/domain.md).
   *
   * @throws IllegalArgumentException if {@code key} is not a {@link SettingKey.Scope#GUILD} key
   */
  public final <T> T get(SettingKey<T> key) {
    requireScope(key);
    return custom().get(key);
  }

  /**
   * Returns {@code this} with {@code value} stored for the project's own {@code key}.
   *
   * @throws InvalidConfigException naming the key and the value when the key refuses it
   * @throws IllegalArgumentException if {@code key} is not a {@link SettingKey.Scope#GUILD} key
   */
  public final <T> GuildSettings with(SettingKey<T> key, T value) {
    requireScope(key);
    return ((ImmutableGuildSettings) this).withCustom(custom().with(key, value));
  }

  /**
   * Returns {@code this} with nothing stored for {@code key}: it reads its default again (a write
   * removes the attribute).
   */
  public final GuildSettings reset(SettingKey<?> key) {
    requireScope(key);
    return ((ImmutableGuildSettings) this).withCustom(custom().reset(key));
  }

  private static void requireScope(SettingKey<?> key) {
    if (key.scope() != SettingKey.Scope.GUILD) {
      throw new IllegalArgumentException(
          "setting key " + key + " is a " + key.scope() + " key, not a settings one");
    }
  }

  /** When the settings were first stored (millisecond precision). */
  @Value.Default
  public Instant createdAt() {
    return Instant.EPOCH;
  }

  /** When the settings were last stored (millisecond precision). */
  @Value.Default
  public Instant updatedAt() {
    return Instant.EPOCH;
  }

  /** How many times the settings were stored; 0 if never (and for items the running bot wrote). */
  @Value.Default
  public long version() {
    return 0;
  }

  public abstract GuildSettings withTimezone(ZoneId value);

  public abstract GuildSettings withPositionDisplayEnabled(boolean value);

  public abstract GuildSettings withSummaryPreferences(SummaryPreferences value);

  public abstract GuildSettings withGlobalChannelId(Optional<? extends ChannelId> value);

  public abstract GuildSettings withGlobalChannelId(ChannelId value);

  public abstract GuildSettings withDepartedAt(Optional<? extends Instant> value);

  public abstract GuildSettings withDepartedAt(Instant value);

  public abstract GuildSettings withCreatedAt(Instant value);

  public abstract GuildSettings withUpdatedAt(Instant value);

  public abstract GuildSettings withVersion(long value);

  @Value.Check
  void check() {
    if (version() < 0) {
      throw Inputs.invalid(
          "settings of guild %s: version must be 0 or more, got %d", guildId(), version());
    }
    if (timezone() instanceof ZoneOffset) {
      throw Inputs.invalid(
          "settings of guild %s: timezone must be an IANA time zone such as 'Europe/Paris', got '%s'",
          guildId(), timezone());
    }
  }

  /**
   * Builds {@link GuildSettings}; {@code build()} throws {@link InvalidConfigException} on bad
   * values.
   */
  public static final class Builder extends ImmutableGuildSettings.Builder {
    Builder() {}
  }
}

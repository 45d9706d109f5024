package io.github.botconfig.domain;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A tracked channel: where result reports arrive, and how the bot answers them.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()}, change one with the {@code
 * with*} methods. A channel belongs to exactly one guild. Metadata ({@link #createdAt()}, {@link
 * #updatedAt()}, {@link #version()}) is set by the store: a value that was never stored has version
 * 0 and both times at the epoch.
 */
@Value.Immutable
public abstract class ChannelConfig {

  ChannelConfig() {}

  /** Returns a builder; {@link Builder#guildId} and {@link Builder#channelId} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a new, never-stored configuration with every option at its default. */
  public static ChannelConfig of(GuildId guildId, ChannelId channelId) {
    return builder().guildId(guildId).channelId(channelId).build();
  }

  /** The guild the channel belongs to. */
  public abstract GuildId guildId();

  /** The channel; unique across all guilds. */
  public abstract ChannelId channelId();

  /** Whether the reply carries a result card image. Default {@code false}. */
  @Value.Default
  public boolean image() {
    return false;
  }

  /** Whether the bot answers reports of closed positions at all. Default {@code true}. */
  @Value.Default
  public boolean notifyOnClose() {
    return true;
  }

  /** Whether the reply is pinned when the threshold is met. Default {@code false}. */
  @Value.Default
  public boolean pin() {
    return false;
  }

  /** Whom the reply mentions when the threshold is met; empty mentions nobody. */
  public abstract Optional<Tag> tag();

  /** When a report is important enough to mention and pin. Default {@link Threshold#NONE}. */
  @Value.Default
  public Threshold threshold() {
    return Threshold.NONE;
  }

  /**
   * Whose messages count as reports here. Default {@link Reporters#WEBHOOKS}: an ordinary member
   * cannot make the bot mention the tag or pin.
   */
  @Value.Default
  public Reporters reporters() {
    return Reporters.WEBHOOKS;
  }

  /**
   * The values of the project's own {@link SettingKey}s ({@link SettingKey.Scope#CHANNEL}); read
   * them with {@link #get}. Default: none stored.
   */
  @Value.Default
  public CustomValues custom() {
    return CustomValues.none();
  }

  /**
   * The value of the project's own {@code key}: the stored one, or the key's default. Allocates
   * nothing (docs/domain.md).
   *
   * @throws IllegalArgumentException if {@code key} is not a {@link SettingKey.Scope#CHANNEL} key
   */
  public final <T> T get(SettingKey<T> key) {
    requireScope(key);
    return custom().get(key);
  }

  /**
   * Returns {@code this} with {@code value} stored for the project's own {@code key}.
   *
   * @throws InvalidConfigException naming the key and the value when the key refuses it
   * @throws IllegalArgumentException if {@code key} is not a {@link SettingKey.Scope#CHANNEL} key
   */
  public final <T> ChannelConfig with(SettingKey<T> key, T value) {
    requireScope(key);
    return ((ImmutableChannelConfig) this).withCustom(custom().with(key, value));
  }

  /**
   * Returns {@code this} with nothing stored for {@code key}: it reads its default again (a write
   * removes the attribute).
   */
  public final ChannelConfig reset(SettingKey<?> key) {
    requireScope(key);
    return ((ImmutableChannelConfig) this).withCustom(custom().reset(key));
  }

  private static void requireScope(SettingKey<?> key) {
    if (key.scope() != SettingKey.Scope.CHANNEL) {
      throw new IllegalArgumentException(
          "setting key " + key + " is a " + key.scope() + " key, not a channel one");
    }
  }

  /** When the channel was first stored (millisecond precision). */
  @Value.Default
  public Instant createdAt() {
    return Instant.EPOCH;
  }

  /** When the channel was last stored (millisecond precision). */
  @Value.Default
  public Instant updatedAt() {
    return Instant.EPOCH;
  }

  /** How many times the channel was stored; 0 if never (and for items the running bot wrote). */
  @Value.Default
  public long version() {
    return 0;
  }

  // Immutables generates: withX(...) for each attribute.
  public abstract ChannelConfig withImage(boolean value);

  public abstract ChannelConfig withNotifyOnClose(boolean value);

  public abstract ChannelConfig withPin(boolean value);

  public abstract ChannelConfig withTag(Optional<? extends Tag> value);

  public abstract ChannelConfig withTag(Tag value);

  public abstract ChannelConfig withThreshold(Threshold value);

  public abstract ChannelConfig withReporters(Reporters value);

  public abstract ChannelConfig withCreatedAt(Instant value);

  public abstract ChannelConfig withUpdatedAt(Instant value);

  public abstract ChannelConfig withVersion(long value);

  @Value.Check
  void check() {
    if (version() < 0) {
      throw Inputs.invalid("channel %s: version must be 0 or more, got %d", channelId(), version());
    }
  }

  /**
   * Builds a {@link ChannelConfig}; {@code build()} throws {@link InvalidConfigException} on bad
   * values.
   */
  public static final class Builder extends ImmutableChannelConfig.Builder {
    Builder() {}
  }
}

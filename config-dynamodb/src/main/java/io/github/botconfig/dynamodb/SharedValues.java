package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingsSchema;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Values that repeat across the items of one load, kept once: a guild's id (in each of its channels
 * and in its settings), a tag (the role a guild's channels mention), a threshold, a timezone
 * ({@link java.time.ZoneId#of} makes a new object each time), summary preferences (a handful of
 * combinations). A loaded cache holds every item's values for as long as it runs; at 100,000
 * channels this saves about 20 bytes a channel (docs/performance.md).
 *
 * <p>Confined to one thread: each scan segment has its own (a guild's items share a partition key,
 * so one segment). {@link #NONE} shares nothing and may be used from any thread.
 */
final class SharedValues {
  /** For reads of single items, where there is nothing to share with. */
  static final SharedValues NONE = new SharedValues(false, SettingsSchema.none());

  /** Each value seen, by itself; null when sharing nothing. */
  private final @Nullable Map<Object, Object> known;

  private final SettingsSchema schema;

  private SharedValues(boolean sharing, SettingsSchema schema) {
    this.known = sharing ? new HashMap<>() : null;
    this.schema = schema;
  }

  /** A new, empty set of values, for one load (or one segment of it). */
  static SharedValues forOneLoad(SettingsSchema schema) {
    return new SharedValues(true, schema);
  }

  /** For reads of single items with the keys of {@code schema}: shares nothing. */
  static SharedValues none(SettingsSchema schema) {
    return schema.keys(SettingKey.Scope.GUILD).isEmpty()
            && schema.keys(SettingKey.Scope.CHANNEL).isEmpty()
        ? NONE
        : new SharedValues(false, schema);
  }

  /** The project's own keys the items are read with. */
  SettingsSchema schema() {
    return schema;
  }

  /** The value equal to {@code value} seen first, or {@code value} itself if it is the first. */
  @SuppressWarnings("unchecked")
  <T> T share(T value) {
    if (known == null) {
      return value;
    }
    Object first = known.putIfAbsent(value, value);
    return first == null ? value : (T) first;
  }
}

package io.github.botconfig.bot.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import net.dv8tion.jda.api.utils.TimeUtil;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * The messages of every channel of the {@link FakeDiscord}, as Discord keeps them: ids are
 * snowflakes of when a message was created (by the fake's message clock), so history pages by
 * {@code before}/{@code after} select by time, as JDA's {@code getHistoryAfter} and its readers of
 * {@code getTimeCreated()} expect. Thread-safe: one lock.
 */
final class FakeMessages {
  /** Discord's default and largest page. */
  static final int DEFAULT_LIMIT = 50;

  static final int MAX_LIMIT = 100;

  private final Clock clock;
  private final Map<Long, NavigableMap<Long, DataObject>> channels = new HashMap<>();

  /**
   * The low 22 bits of a snowflake, as Discord's own increment: ids made in one millisecond differ.
   */
  private long increment;

  FakeMessages(Clock clock) {
    this.clock = clock;
  }

  /** A new message id: a snowflake of now on the message clock. */
  synchronized long nextId() {
    return nextId(clock.instant());
  }

  /** A new message id created at {@code at} (for history written before the bot connected). */
  synchronized long nextId(Instant at) {
    increment = (increment + 1) & 0x3FFFFF;
    return TimeUtil.getDiscordTimestamp(at.toEpochMilli()) + increment;
  }

  synchronized void add(long channelId, DataObject message) {
    long id = message.getLong("id");
    message.put("timestamp", DiscordJson.timestamp(TimeUtil.getTimeCreated(id).toInstant()));
    channels.computeIfAbsent(channelId, c -> new TreeMap<>()).put(id, message);
  }

  synchronized Optional<DataObject> get(long channelId, long messageId) {
    return Optional.ofNullable(channels.getOrDefault(channelId, new TreeMap<>()).get(messageId));
  }

  /**
   * Changes a message's content and embeds (those the edit gives); empty when it does not exist.
   */
  synchronized Optional<DataObject> edit(
      long channelId, long messageId, DataObject edit, Instant at) {
    Optional<DataObject> message = get(channelId, messageId);
    message.ifPresent(
        m -> {
          edit.optArray("embeds").ifPresent(embeds -> m.put("embeds", rich(embeds)));
          if (edit.hasKey("content")) {
            m.put("content", edit.getString("content", ""));
          }
          m.put("edited_timestamp", DiscordJson.timestamp(at));
        });
    return message;
  }

  synchronized boolean delete(long channelId, long messageId) {
    return channels.getOrDefault(channelId, new TreeMap<>()).remove(messageId) != null;
  }

  /**
   * One page of a channel's history, newest first, as Discord answers {@code GET
   * channels/{c}/messages}: the newest messages before {@code before}, the oldest after {@code
   * after}, or the newest of all.
   */
  synchronized DataArray page(
      long channelId, Optional<Long> before, Optional<Long> after, int limit) {
    NavigableMap<Long, DataObject> all = channels.getOrDefault(channelId, new TreeMap<>());
    List<DataObject> page = new ArrayList<>();
    if (after.isPresent()) {
      all.tailMap(after.get(), false).values().stream().limit(limit).forEach(page::add);
      Collections.reverse(page);
    } else {
      NavigableMap<Long, DataObject> older = before.map(b -> all.headMap(b, false)).orElse(all);
      older.descendingMap().values().stream().limit(limit).forEach(page::add);
    }
    DataArray array = DataArray.empty();
    page.forEach(array::add);
    return array;
  }

  /** The messages in a channel now, oldest first. */
  synchronized List<DataObject> in(long channelId) {
    return List.copyOf(channels.getOrDefault(channelId, new TreeMap<>()).values());
  }

  /** Embeds as Discord echoes them: every one has a type (JDA refuses one without). */
  static DataArray rich(DataArray embeds) {
    DataArray typed = DataArray.empty();
    for (int i = 0; i < embeds.length(); i++) {
      DataObject embed = embeds.getObject(i);
      typed.add(embed.hasKey("type") ? embed : embed.put("type", "rich"));
    }
    return typed;
  }
}

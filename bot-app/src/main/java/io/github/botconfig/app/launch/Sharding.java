package io.github.botconfig.app.launch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How this process takes part in the bot's shards: how many shards there are in all, and which of
 * them it runs. Discord sends a guild's events to shard {@code (guildId >> 22) % total}; a process
 * runs the shards it is given, and with them the scheduled work of their guilds.
 *
 * <p>Immutable and thread-safe.
 *
 * @param total the number of shards across every process; empty: as many as Discord recommends
 *     ({@code auto})
 * @param shards the shards this process runs, in order; empty: all of them
 */
public record Sharding(OptionalInt total, Optional<SortedSet<Integer>> shards) {
  private static final Pattern PART = Pattern.compile("([0-9]{1,5})(?:-([0-9]{1,5}))?");

  public Sharding {
    shards = shards.map(s -> Collections.unmodifiableSortedSet(new TreeSet<>(s)));
    if (shards.isPresent() && total.isEmpty()) {
      throw new IllegalArgumentException("a shard range needs a fixed shard total");
    }
  }

  /** Every shard in one process, as many as Discord recommends: the default. */
  public static Sharding auto() {
    return new Sharding(OptionalInt.empty(), Optional.empty());
  }

  /**
   * Reads a shard total: {@code auto} or a number from 1.
   *
   * @throws IllegalArgumentException with a readable rule otherwise
   */
  static OptionalInt parseTotal(String text) {
    if (text.equalsIgnoreCase("auto")) {
      return OptionalInt.empty();
    }
    if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1) {
      throw new IllegalArgumentException("must be 'auto' or a number of shards from 1 to 99999");
    }
    return OptionalInt.of(Integer.parseInt(text));
  }

  /**
   * Reads a list of shard ids and ranges: {@code 0-3}, {@code 4}, {@code 0,2,5-7}.
   *
   * @throws IllegalArgumentException with a readable rule otherwise
   */
  static SortedSet<Integer> parseShards(String text) {
    SortedSet<Integer> ids = new TreeSet<>();
    for (String part : text.split(",", -1)) {
      Matcher m = PART.matcher(part.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("must be shard ids and ranges such as 0-3 or 0,2,5-7");
      }
      int first = Integer.parseInt(m.group(1));
      int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
      if (last < first) {
        throw new IllegalArgumentException("must give ranges low to high, such as 0-3");
      }
      for (int id = first; id <= last; id++) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** Whether this process runs every shard (the only process of the bot). */
  public boolean runsAllShards() {
    return shards.isEmpty();
  }

  /**
   * For logs and {@code /healthz}: {@code "all shards (total from Discord)"}, {@code "shards 0-3 of
   * 8"}.
   */
  public String describe() {
    String of = total.isEmpty() ? "(total from Discord)" : "of " + total.getAsInt();
    return shards
        .map(s -> (s.size() == 1 ? "shard " : "shards ") + ranges(s) + " " + of)
        .orElse("all shards " + of);
  }

  private static String ranges(SortedSet<Integer> ids) {
    List<int[]> runs = new ArrayList<>(); // {first, last} of each run of consecutive ids
    for (int id : ids) {
      if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == id - 1) {
        runs.get(runs.size() - 1)[1] = id;
      } else {
        runs.add(new int[] {id, id});
      }
    }
    return runs.stream()
        .map(r -> r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "-" + r[1])
        .collect(Collectors.joining(","));
  }
}

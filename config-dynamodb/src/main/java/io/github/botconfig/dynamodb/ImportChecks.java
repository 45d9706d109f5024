package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rules every item of an import file must meet before anything is written (a backup file may
 * have been edited, or written by someone hostile):
 *
 * <ul>
 *   <li>keys: {@code PK} and {@code SK} strings, {@code PK} a guild ({@code GUILD#} and a canonical
 *       snowflake), a channel's {@code SK} a canonical {@code CHANNEL#} snowflake;
 *   <li>the item's kind comes from its keys, never from its {@code Type}: a {@code Type} that says
 *       otherwise is refused, and an item of other software may not call itself botconfig's;
 *   <li>index keys only on a channel item, naming its own channel and guild (else the channel would
 *       be found under another id, or another guild's channel would seem tracked here);
 *   <li>a channel belongs to one guild, across the file and the table;
 *   <li>DynamoDB's own limits ({@link ItemLimits}), on the item as it will be written.
 * </ul>
 *
 * An item that meets them but does not read as what its keys say (a value no known writer produces)
 * is restored as it is, and reported: backups keep everything.
 *
 * <p>Not thread-safe; one per plan.
 */
final class ImportChecks {
  private static final Set<String> OURS =
      Set.of(
          TableLayout.CHANNEL_TYPE,
          TableLayout.SETTINGS_TYPE,
          TableLayout.BOARD_TYPE,
          TableLayout.MARKER_TYPE);
  private static final int MAX_PK_BYTES = 2048;
  private static final int MAX_SK_BYTES = 1024;

  /** Channel key ({@code CHANNEL#c}) → the guild keys that hold it in the table. */
  private final Map<String, Set<String>> storedOwners = new HashMap<>();

  /** Channel key → the first item of the file that holds it, and under which guild. */
  private final Map<String, FileOwner> fileOwners = new HashMap<>();

  private record FileOwner(String guildKey, int item) {}

  /** Remembers who owns which channel in the table. */
  void stored(Map<String, AttributeValue> item) {
    String pk = text(item.get(TableLayout.PK));
    String sk = text(item.get(TableLayout.SK));
    if (pk == null || sk == null) {
      return;
    }
    if (ItemKind.ofKeys(item) == ItemKind.CHANNEL) {
      owners(sk).add(pk);
    }
    // An item indexed under a channel makes the store's by-channel read find it there.
    String indexed = text(item.get(TableLayout.GSI_PK));
    if (indexed != null && indexed.startsWith(TableLayout.CHANNEL_PREFIX)) {
      owners(indexed).add(pk);
    }
  }

  private Set<String> owners(String channelKey) {
    return storedOwners.computeIfAbsent(channelKey, k -> new TreeSet<>());
  }

  /**
   * Checks item number {@code number} (from 1) of the file as it will be written ({@code written}:
   * the file's item with this project's bookkeeping), reporting each refusal.
   *
   * @return the item's kind, by its keys
   */
  ItemKind check(
      Map<String, AttributeValue> item,
      Map<String, AttributeValue> written,
      int number,
      Consumer<String> problems) {
    String pk = text(item.get(TableLayout.PK));
    String sk = text(item.get(TableLayout.SK));
    if (pk == null || sk == null) {
      problems.accept("PK and SK must both be strings (S)");
      return ItemKind.OTHER;
    }
    if (bytes(pk) > MAX_PK_BYTES || bytes(sk) > MAX_SK_BYTES) {
      problems.accept(
          "PK may have at most " + MAX_PK_BYTES + " bytes and SK " + MAX_SK_BYTES + " (DynamoDB)");
    }
    GuildId guild =
        canonical(item, pk, TableLayout.PK, ItemKeys::guildOf, TableLayout::guildKey, problems);
    ItemKind kind = ItemKind.ofKeys(item);
    ChannelId channel =
        kind == ItemKind.CHANNEL
            ? canonical(
                item, sk, TableLayout.SK, ItemKeys::channelOf, TableLayout::channelKey, problems)
            : null;
    type(item, kind, sk, problems);
    indexKeys(item, kind, problems);
    if (guild != null && channel != null) {
      ownership(TableLayout.guildKey(guild), TableLayout.channelKey(channel), number, problems);
    }
    ItemLimits.check(written, problems);
    return kind;
  }

  private static <T> @Nullable T canonical(
      Map<String, AttributeValue> item,
      String key,
      String attribute,
      java.util.function.Function<Map<String, AttributeValue>, T> parse,
      java.util.function.Function<T, String> format,
      Consumer<String> problems) {
    try {
      T id = parse.apply(item);
      if (!format.apply(id).equals(key)) {
        problems.accept(
            attribute
                + ": must be written as "
                + format.apply(id)
                + " (one key per id), got "
                + Quoted.of(key));
        return null;
      }
      return id;
    } catch (MalformedItemException e) {
      problems.accept(Quoted.oneLine(String.valueOf(e.getMessage())));
      return null;
    }
  }

  private static void type(
      Map<String, AttributeValue> item, ItemKind kind, String sk, Consumer<String> problems) {
    AttributeValue type = item.get(TableLayout.TYPE);
    if (type == null) {
      return; // the kind comes from the keys anyway
    }
    if (type.s() == null) {
      problems.accept(TableLayout.TYPE + ": must be a string (S), got " + type.type());
      return;
    }
    Optional<String> expected = kind.type();
    if (expected.isPresent() && !expected.get().equals(type.s())) {
      problems.accept(
          TableLayout.TYPE
              + ": an item with SK "
              + Quoted.of(sk)
              + " is a "
              + expected.get()
              + ", so its Type must be '"
              + expected.get()
              + "' or absent, got "
              + Quoted.of(type.s()));
    } else if (expected.isEmpty() && OURS.contains(type.s())) {
      problems.accept(
          TableLayout.TYPE
              + ": "
              + Quoted.of(type.s())
              + " is botconfig's own type, and an item with SK "
              + Quoted.of(sk)
              + " is not one of its items");
    }
  }

  private static void indexKeys(
      Map<String, AttributeValue> item, ItemKind kind, Consumer<String> problems) {
    for (String indexKey : List.of(TableLayout.GSI_PK, TableLayout.GSI_SK)) {
      AttributeValue value = item.get(indexKey);
      if (value == null) {
        continue;
      }
      if (kind != ItemKind.CHANNEL) {
        problems.accept(
            indexKey
                + ": index keys belong on channel items (SK CHANNEL#…) only, got "
                + shown(value));
      } else if (!value.equals(ownIndexKeys(item).get(indexKey))) {
        problems.accept(
            indexKey
                + ": must be "
                + Optional.ofNullable(ownIndexKeys(item).get(indexKey))
                    .map(AttributeValue::s)
                    .orElse("?")
                + " for this channel (or absent), got "
                + shown(value));
      }
    }
  }

  private void ownership(
      String guildKey, String channelKey, int number, Consumer<String> problems) {
    String channel = channelKey.substring(TableLayout.CHANNEL_PREFIX.length());
    for (String owner : storedOwners.getOrDefault(channelKey, Set.of())) {
      if (!owner.equals(guildKey)) {
        problems.accept(
            "channel " + channel + " is tracked by guild " + guildOf(owner) + " in the table");
      }
    }
    FileOwner first = fileOwners.putIfAbsent(channelKey, new FileOwner(guildKey, number));
    if (first != null && !first.guildKey().equals(guildKey)) {
      problems.accept(
          "channel "
              + channel
              + " is also under guild "
              + guildOf(first.guildKey())
              + " in this file (item "
              + first.item()
              + "); a channel belongs to one guild");
    }
  }

  /**
   * The index keys of a channel item, from its keys ({@code PK}, {@code SK} must be strings); empty
   * for an item whose keys are not strings.
   */
  static Map<String, AttributeValue> ownIndexKeys(Map<String, AttributeValue> item) {
    String pk = text(item.get(TableLayout.PK));
    String sk = text(item.get(TableLayout.SK));
    Map<String, AttributeValue> keys = new HashMap<>();
    if (pk != null && sk != null) {
      keys.put(TableLayout.GSI_PK, TableLayout.s(sk));
      keys.put(TableLayout.GSI_SK, TableLayout.s(pk));
    }
    return keys;
  }

  private static String guildOf(String guildKey) {
    return guildKey.substring(TableLayout.GUILD_PREFIX.length());
  }

  private static String shown(AttributeValue value) {
    return value.s() != null ? Quoted.of(value.s()) : "a value of type " + value.type();
  }

  private static @Nullable String text(@Nullable AttributeValue value) {
    return value == null || value.s() == null || value.s().isEmpty() ? null : value.s();
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Collects the refusals of a whole file, numbered by item. */
  static final class Refusals {
    private final List<String> lines = new ArrayList<>();

    Consumer<String> of(int number, Map<String, AttributeValue> item) {
      return problem ->
          lines.add(
              "item " + number + " (" + Quoted.oneLine(ItemKeys.describe(item)) + "): " + problem);
    }

    List<String> lines() {
      return List.copyOf(lines);
    }
  }
}

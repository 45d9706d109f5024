package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigChange;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.RecentChanges;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The change records, one item per write under the marker's partition ({@code PK META}, {@code SK
 * CHANGE#<position, 20 digits>}, {@code Type change_record}), naming the key that write changed.
 * One Query reads every record after a position and the marker itself, whose {@code SK CHANGES}
 * sorts after all of them. Records past the newest {@link #RETAINED} are deleted by the writers
 * (DeleteItem); each also carries {@code expiresAt} (epoch seconds), so a table with TTL enabled on
 * that attribute drops them for free (docs/dynamodb-table.md). Thread-safe.
 */
final class ChangeRecords {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbConfigStore.class);

  /** How many of the newest records are kept: a reader further behind loads everything. */
  static final int RETAINED = 128;

  /** Every this many positions, the writer that took one prunes what is older than the rest. */
  static final int PRUNE_EVERY = 32;

  /** Records read by one poll at most; a reader further behind asks again. */
  static final int PAGE = 100;

  static final Duration EXPIRY = Duration.ofDays(1);

  static final String RECORD_TYPE = "change_record";
  static final String RECORD_PREFIX = "CHANGE#";
  static final String POSITION = "position";
  static final String CHANGED = "changed";
  static final String GUILD_ID = "guildId";
  static final String WRITTEN_AT = "writtenAt";
  static final String EXPIRES_AT = "expiresAt";

  private final DynamoDbClient client;
  private final StoreErrors errors;
  private final Clock clock;

  ChangeRecords(DynamoDbClient client, StoreErrors errors, Clock clock) {
    this.client = client;
    this.errors = errors;
    this.clock = clock;
  }

  static String sortKey(long position) {
    return RECORD_PREFIX + String.format("%020d", position);
  }

  static Map<String, AttributeValue> itemKey(long position) {
    return Map.of(
        TableLayout.PK, TableLayout.s(TableLayout.MARKER_PK),
        TableLayout.SK, TableLayout.s(sortKey(position)));
  }

  /**
   * Writes record {@code position}. An UpdateItem, not a PutItem, so that the bot's role needs no
   * PutItem (docs/security.md); writing the same record twice (an SDK retry) changes nothing.
   *
   * @throws SdkException as the client threw it
   */
  void write(long position, ConfigKey key) {
    long now = clock.millis();
    Expressions update =
        new Expressions()
            .set(TableLayout.TYPE, TableLayout.s(RECORD_TYPE))
            .set(POSITION, TableLayout.n(position))
            .set(CHANGED, TableLayout.s(key.kind().name()))
            .set(WRITTEN_AT, TableLayout.n(now))
            .set(EXPIRES_AT, TableLayout.n((now + EXPIRY.toMillis()) / 1000));
    key.guildId().ifPresent(g -> update.set(GUILD_ID, TableLayout.s(g.toString())));
    key.channelId().ifPresent(c -> update.set(TableLayout.CHANNEL_ID, TableLayout.s(c.toString())));
    client.updateItem(
        update
            .applyTo(UpdateItemRequest.builder())
            .tableName(errors.tableName())
            .key(itemKey(position))
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
            .build());
  }

  /**
   * The records after {@code position} and the marker's counter, in one eventually consistent Query
   * (half a read unit while they fit in 4 KB).
   */
  RecentChanges after(long position) {
    QueryResponse response;
    try {
      response =
          client.query(
              request ->
                  request
                      .tableName(errors.tableName())
                      .consistentRead(false)
                      .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :marker")
                      .expressionAttributeNames(
                          Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                      .expressionAttributeValues(
                          Map.of(
                              ":pk", TableLayout.s(TableLayout.MARKER_PK),
                              ":from", TableLayout.s(sortKey(Math.max(0, position) + 1)),
                              ":marker", TableLayout.s(TableLayout.MARKER_SK)))
                      .limit(PAGE + 1)
                      .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    } catch (SdkException e) {
      throw errors.unavailable("read the change feed", e);
    }
    long head = 0;
    List<ConfigChange> changes = new ArrayList<>();
    for (Map<String, AttributeValue> item : response.items()) {
      String sk = sortKeyOf(item);
      if (TableLayout.MARKER_SK.equals(sk)) {
        head = number(item.get(TableLayout.TAKEN));
      } else {
        ConfigChange change = read(item);
        if (change != null) {
          changes.add(change);
        }
      }
    }
    RecentChanges recent = RecentChanges.of(head, changes, false);
    // Behind by more than the records kept, or the counter went back (the table was recreated or
    // restored): what was missed is no longer listed.
    boolean expired = recent.head() - position > RETAINED || recent.head() < position;
    return expired ? RecentChanges.of(recent.head(), List.of(), true) : recent;
  }

  /**
   * Deletes the records older than the newest {@link #RETAINED} before {@code position}: a page of
   * keys, then one DeleteItem each (about one a write). Failures are logged: the next pruning
   * writer deletes them.
   */
  void pruneBefore(long position) {
    long upTo = position - RETAINED;
    if (upTo < 1) {
      return;
    }
    try {
      QueryResponse old =
          client.query(
              request ->
                  request
                      .tableName(errors.tableName())
                      .consistentRead(false)
                      .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                      .projectionExpression("#pk, #sk")
                      .expressionAttributeNames(
                          Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                      .expressionAttributeValues(
                          Map.of(
                              ":pk", TableLayout.s(TableLayout.MARKER_PK),
                              ":from", TableLayout.s(RECORD_PREFIX),
                              ":to", TableLayout.s(sortKey(upTo))))
                      .limit(PAGE)
                      .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
      // DeleteItem, one record a request: the bot's role has no BatchWriteItem (docs/security.md).
      for (Map<String, AttributeValue> key : old.items()) {
        client.deleteItem(
            request ->
                request
                    .tableName(errors.tableName())
                    .key(key)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
      }
    } catch (SdkException e) {
      LOG.debug(
          "Could not prune old change records of table '{}'; a later writer will: {}",
          errors.tableName(),
          e.getMessage());
    }
  }

  /** A record as a change; one this version cannot read names everything (a full load). */
  private static @Nullable ConfigChange read(Map<String, AttributeValue> item) {
    long position = number(item.get(POSITION));
    if (position < 1) {
      String sk = sortKeyOf(item);
      try {
        position = Long.parseLong(sk.substring(RECORD_PREFIX.length()));
      } catch (NumberFormatException e) {
        return null; // not a record of ours: skip it
      }
    }
    return new ConfigChange(position, key(item));
  }

  private static ConfigKey key(Map<String, AttributeValue> item) {
    try {
      ConfigKey.Kind kind = ConfigKey.Kind.valueOf(string(item.get(CHANGED)));
      if (kind == ConfigKey.Kind.EVERYTHING) {
        return ConfigKey.everything();
      }
      GuildId guild = GuildId.of(string(item.get(GUILD_ID)));
      return switch (kind) {
        case CHANNEL ->
            ConfigKey.channel(guild, ChannelId.of(string(item.get(TableLayout.CHANNEL_ID))));
        case SETTINGS -> ConfigKey.settings(guild);
        case BOARD -> ConfigKey.board(guild);
        case GUILD, EVERYTHING -> ConfigKey.guild(guild);
      };
    } catch (RuntimeException e) {
      // A record written by a later version, or damaged: only a full load is sure to catch it.
      return ConfigKey.everything();
    }
  }

  private static String sortKeyOf(Map<String, AttributeValue> item) {
    AttributeValue sk = item.get(TableLayout.SK);
    return sk == null || sk.s() == null ? "" : sk.s();
  }

  private static String string(@Nullable AttributeValue value) {
    if (value == null || value.s() == null) {
      throw new IllegalArgumentException("missing");
    }
    return value.s();
  }

  private static long number(@Nullable AttributeValue value) {
    if (value == null || value.n() == null) {
      return 0;
    }
    try {
      return Long.parseLong(value.n());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

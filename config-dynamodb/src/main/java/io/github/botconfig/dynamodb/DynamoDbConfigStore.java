package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.RecentChanges;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.UnreadableItem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The {@link ConfigStore} on one DynamoDB table, in the layout the user's running TypeScript bot
 * uses (see config-dynamodb/README.md): items it wrote are read as they are, and attributes or item
 * types this store does not model survive every write.
 *
 * <pre>{@code
 * DynamoDbConfigStore store = DynamoDbConfigStore.builder()
 *     .client(DynamoDbClients.builder().region(Region.EU_WEST_3).build())
 *     .tableName("discord-bot-config")
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe. Every method makes a few DynamoDB requests: a bot reads through a cache, not from
 * here. Every write is an UpdateItem conditional on the version its caller read, between taking a
 * position on the change marker and writing its change record (docs/dynamodb-table.md); SDK
 * failures surface as {@link io.github.botconfig.domain.StoreUnavailableException} naming the table
 * and endpoint. The store does not own the client: close the client yourself.
 */
public final class DynamoDbConfigStore implements ConfigStore {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbConfigStore.class);

  private final DynamoDbClient client;
  private final String tableName;
  private final Clock clock;
  private final StoreErrors errors;
  private final MalformedItemLog malformedLog;
  private final TableScanner scanner;
  private final ChangeMarker marker;
  private final GuildPurge purge;
  private final VersionedWrites writes;
  private final IndexKeyRepair indexKeys;
  private volatile LoadReport lastLoad = LoadReport.NONE;

  /**
   * The keys of channel items without index keys, by channel, as the last full load (or the check
   * before the first lookup by channel id) found them; null until one ran. Lookups by channel id
   * read these by key too: the index cannot find them, even once repaired (on AWS it is eventually
   * consistent).
   */
  private volatile @Nullable Map<ChannelId, List<Map<String, AttributeValue>>> unindexed;

  private final Object unindexedCheck = new Object();

  private DynamoDbConfigStore(Builder builder) {
    this.client =
        Objects.requireNonNull(
            builder.client, "client is required: DynamoDbConfigStore.builder().client(…)");
    this.tableName = builder.tableName;
    this.clock = builder.clock;
    this.errors = new StoreErrors(client, tableName);
    this.malformedLog = new MalformedItemLog(tableName);
    this.scanner = new TableScanner(client, errors, malformedLog, builder.scanSegments);
    this.marker = new ChangeMarker(client, errors, clock);
    this.purge = new GuildPurge(client, errors, GuildPurge.Sleeper.THREAD);
    this.writes = new VersionedWrites(client, errors);
    this.indexKeys = new IndexKeyRepair(client, errors);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The table this store reads and writes. */
  public String tableName() {
    return tableName;
  }

  /** What the last completed {@link #loadAll()} found (malformed and unmodelled items included). */
  public LoadReport lastLoadReport() {
    return lastLoad;
  }

  /**
   * Queries the {@code ChannelIndex} (eventually consistent on AWS): the fallback path, not the hot
   * one.
   */
  @Override
  public Optional<ChannelConfig> findChannel(ChannelId channelId) {
    // The running bot never stopped two guilds from tracking one channel: resolve as a full load
    // would.
    return decodedChannelItems(channelId, "find channel " + channelId).build().channel(channelId);
  }

  @Override
  public Optional<UnreadableItem> findUnreadableChannel(ChannelId channelId) {
    return decodedChannelItems(channelId, "look for an unreadable item of channel " + channelId)
        .build()
        .unreadableChannel(channelId);
  }

  @Override
  public List<UnreadableItem> findUnreadable(GuildId guildId) {
    ConfigSnapshot.Builder found = ConfigSnapshot.builder();
    readGuild(guildId, "look for unreadable items of guild " + guildId, found);
    return found.build().unreadable();
  }

  /** Every item the index holds for the channel, decoded or said to be unreadable. */
  private ConfigSnapshot.Builder decodedChannelItems(ChannelId channelId, String action) {
    ConfigSnapshot.Builder found = ConfigSnapshot.builder();
    for (Map<String, AttributeValue> item : channelItems(channelId, action)) {
      collect(item, found);
    }
    return found;
  }

  /**
   * The raw items of a channel: what {@code ChannelIndex} holds, and the items without index keys
   * (the seed's Pattern 2) read by key.
   */
  private List<Map<String, AttributeValue>> channelItems(ChannelId channelId, String action) {
    List<Map<String, AttributeValue>> items =
        new ArrayList<>(
            queryAll(
                action,
                request ->
                    request
                        .indexName(TableLayout.CHANNEL_INDEX)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", TableLayout.GSI_PK))
                        .expressionAttributeValues(
                            Map.of(":pk", TableLayout.s(TableLayout.channelKey(channelId)))),
                item -> item));
    for (Map<String, AttributeValue> key : unindexedKeys(channelId)) {
      boolean indexed =
          items.stream()
              .anyMatch(
                  item ->
                      Objects.equals(key.get(TableLayout.PK), item.get(TableLayout.PK))
                          && Objects.equals(key.get(TableLayout.SK), item.get(TableLayout.SK)));
      if (!indexed) {
        getItem(key, action).ifPresent(items::add);
      }
    }
    return items;
  }

  private List<Map<String, AttributeValue>> unindexedKeys(ChannelId channelId) {
    Map<ChannelId, List<Map<String, AttributeValue>>> known = unindexed;
    if (known == null) {
      synchronized (unindexedCheck) {
        known = unindexed;
        if (known == null) {
          // Once per store, before its first lookup by channel id without a full load: one scan.
          known =
              repairIndexKeys(indexKeys.scanMissing("look for channel items without index keys"))
                  .known;
        }
      }
    }
    return known.getOrDefault(channelId, List.of());
  }

  private void learnUnindexed(Map<String, AttributeValue> item) {
    synchronized (unindexedCheck) {
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      Map<ChannelId, List<Map<String, AttributeValue>>> known = unindexed;
      if (known != null) {
        known.values().forEach(items::addAll);
      }
      items.add(item);
      repairIndexKeys(items);
    }
  }

  private record Repair(Map<ChannelId, List<Map<String, AttributeValue>>> known, int added) {}

  /**
   * Remembers these channel items without index keys, and gives them their keys. A write that fails
   * (a read-only policy, throttling) is logged, not thrown: they are found by key meanwhile, and
   * the next full load tries again. No change-marker bump: index keys change no configuration.
   */
  private Repair repairIndexKeys(List<Map<String, AttributeValue>> items) {
    Map<ChannelId, List<Map<String, AttributeValue>>> byChannel = new HashMap<>();
    for (Map<String, AttributeValue> item : items) {
      Map<String, AttributeValue> key =
          Map.of(
              TableLayout.PK, item.get(TableLayout.PK), TableLayout.SK, item.get(TableLayout.SK));
      try {
        byChannel.computeIfAbsent(ItemKeys.channelOf(item), c -> new ArrayList<>()).add(key);
      } catch (MalformedItemException e) {
        // No channel id to find it by: IndexKeyRepair skips it too.
      }
    }
    byChannel.replaceAll((channel, keys) -> List.copyOf(keys));
    Map<ChannelId, List<Map<String, AttributeValue>>> known = Map.copyOf(byChannel);
    unindexed = known;
    int added = 0;
    for (Map<String, AttributeValue> item : items) {
      try {
        if (indexKeys.repair(item)) {
          added++;
        }
      } catch (StoreUnavailableException e) {
        LOG.warn(
            "Could not give {} channel item(s) of table '{}' their index keys (the seed's code wrote"
                + " them without): {}. They are found by key meanwhile; the next full load tries"
                + " again.",
            items.size() - added,
            tableName,
            e.getMessage());
        break;
      }
    }
    if (added > 0) {
      LOG.info(
          "Gave {} channel item(s) of table '{}' their index keys (GSI_PK/GSI_SK), which the seed's"
              + " code had left out; nothing else in them changed",
          added,
          tableName);
    }
    return new Repair(known, added);
  }

  /** Adds an item to {@code found}: as what it is, or as unreadable (logged once). */
  private void collect(Map<String, AttributeValue> item, ConfigSnapshot.Builder found) {
    ItemDecoder.Decoded decoded = ItemDecoder.decode(item);
    if (decoded.value() instanceof ChannelConfig) {
      found.addChannel((ChannelConfig) decoded.value());
    } else if (decoded.value() instanceof GuildSettings) {
      found.addSettings((GuildSettings) decoded.value());
    } else if (decoded.value() instanceof LiveBoard) {
      found.addBoard((LiveBoard) decoded.value());
    } else if (!decoded.readable()) {
      malformedLog.report(item, new MalformedItemException(String.valueOf(decoded.problem())));
      decoded.unreadable(item).ifPresent(found::addUnreadable);
    }
  }

  @Override
  public List<ChannelConfig> findChannels(GuildId guildId) {
    List<ChannelConfig> channels =
        new ArrayList<>(
            queryAll(
                "list the channels of guild " + guildId,
                request ->
                    request
                        .consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :channel)")
                        .expressionAttributeNames(
                            Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                        .expressionAttributeValues(
                            Map.of(
                                ":pk", TableLayout.s(TableLayout.guildKey(guildId)),
                                ":channel", TableLayout.s(TableLayout.CHANNEL_PREFIX))),
                ChannelItems::read));
    // SK order is text order (CHANNEL#10 before CHANNEL#9); the port promises id order.
    channels.sort(Comparator.comparing(ChannelConfig::channelId));
    return List.copyOf(channels);
  }

  @Override
  public Optional<GuildSettings> findSettings(GuildId guildId) {
    return settingsItem(guildId, "read the settings of guild " + guildId)
        .flatMap(this::readSettings);
  }

  @Override
  public ChannelConfig saveChannel(ChannelConfig config) {
    String what = "channel " + config.channelId();
    Map<String, AttributeValue> key =
        TableLayout.channelItemKey(config.guildId(), config.channelId());
    if (config.version() == 0) {
      refuseIfTrackedElsewhere(config);
      Expressions update = new Expressions();
      ChannelItems.write(config, update);
      Map<String, AttributeValue> stored =
          marker.recording(
              ConfigKey.channel(config.guildId(), config.channelId()),
              "save " + what,
              () -> writes.create(what, key, update, now(), found -> refusalToCreate(what, found)),
              created -> true);
      return written(stored, ChannelItems::read);
    }
    Map<String, AttributeValue> raw = writes.read(what, key);
    ChannelConfig stored = readStored(what, raw, config.version(), ChannelItems::read);
    VersionedWrites.refuseIfStale(what, raw, config.version());
    return replaceChannel(what, key, raw, stored, config);
  }

  @Override
  public ChannelConfig replaceChannel(ChannelConfig read, ChannelConfig changed) {
    ConfigRepository.requireSameChannel(read, changed);
    String what = "channel " + read.channelId();
    Map<String, AttributeValue> key = TableLayout.channelItemKey(read.guildId(), read.channelId());
    Map<String, AttributeValue> raw = writes.read(what, key);
    ChannelConfig stored = readStored(what, raw, read.version(), ChannelItems::read);
    refuseUnlessStillRead(what, raw, stored, read, read.version(), stored.version());
    return replaceChannel(what, key, raw, read, changed);
  }

  private ChannelConfig replaceChannel(
      String what,
      Map<String, AttributeValue> key,
      Map<String, AttributeValue> raw,
      ChannelConfig read,
      ChannelConfig changed) {
    Expressions update = new Expressions();
    ChannelItems.writeChanges(read, changed, raw, update);
    Map<String, AttributeValue> stored =
        marker.recording(
            ConfigKey.channel(read.guildId(), read.channelId()),
            "save " + what,
            () ->
                writes.replace(
                    what, key, update, raw, read.version(), ChannelItems.MODELLED, now()),
            replaced -> true);
    return written(stored, ChannelItems::read);
  }

  @Override
  public boolean deleteChannel(GuildId guildId, ChannelId channelId) {
    return deleteIfExists(
        ConfigKey.channel(guildId, channelId),
        TableLayout.channelItemKey(guildId, channelId),
        "untrack channel " + channelId + " of guild " + guildId);
  }

  @Override
  public GuildSettings saveSettings(GuildSettings settings) {
    String what = "settings of guild " + settings.guildId();
    Map<String, AttributeValue> key = TableLayout.settingsItemKey(settings.guildId());
    if (settings.version() == 0) {
      Expressions update = new Expressions();
      SettingsItems.write(settings, update);
      Map<String, AttributeValue> stored =
          marker.recording(
              ConfigKey.settings(settings.guildId()),
              "save " + what,
              () -> writes.create(what, key, update, now(), found -> refusalToCreate(what, found)),
              created -> true);
      return written(stored, SettingsItems::read);
    }
    Map<String, AttributeValue> raw = writes.read(what, key);
    GuildSettings stored = readStored(what, raw, settings.version(), SettingsItems::read);
    VersionedWrites.refuseIfStale(what, raw, settings.version());
    return replaceSettings(what, key, raw, stored, settings);
  }

  @Override
  public GuildSettings replaceSettings(GuildSettings read, GuildSettings changed) {
    ConfigRepository.requireSameGuild(read, changed);
    String what = "settings of guild " + read.guildId();
    Map<String, AttributeValue> key = TableLayout.settingsItemKey(read.guildId());
    Map<String, AttributeValue> raw = writes.read(what, key);
    GuildSettings stored = readStored(what, raw, read.version(), SettingsItems::read);
    refuseUnlessStillRead(what, raw, stored, read, read.version(), stored.version());
    return replaceSettings(what, key, raw, read, changed);
  }

  private GuildSettings replaceSettings(
      String what,
      Map<String, AttributeValue> key,
      Map<String, AttributeValue> raw,
      GuildSettings read,
      GuildSettings changed) {
    Expressions update = new Expressions();
    SettingsItems.writeChanges(read, changed, raw.get(TableLayout.SUMMARY_PREFERENCES), update);
    Map<String, AttributeValue> stored =
        marker.recording(
            ConfigKey.settings(read.guildId()),
            "save " + what,
            () ->
                writes.replace(
                    what, key, update, raw, read.version(), SettingsItems.MODELLED, now()),
            replaced -> true);
    return written(stored, SettingsItems::read);
  }

  /**
   * Decodes the item a write starts from; refuses the write if there is none (deleted since it was
   * read) or it cannot be read (never changed on a guess).
   */
  private <T> T readStored(
      String what,
      Map<String, AttributeValue> raw,
      long expected,
      Function<Map<String, AttributeValue>, T> reader) {
    if (raw.isEmpty()) {
      throw VersionedWrites.versionChanged(what, Math.max(expected, 1), ", found nothing");
    }
    try {
      return reader.apply(raw);
    } catch (MalformedItemException e) {
      throw unreadable(what, raw, e);
    }
  }

  /**
   * The stored item must still be what the caller read: the same version, or (for an item without
   * one) the same in every part.
   */
  private static void refuseUnlessStillRead(
      String what,
      Map<String, AttributeValue> raw,
      Object stored,
      Object read,
      long readVersion,
      long storedVersion) {
    if (readVersion > 0) {
      VersionedWrites.refuseIfStale(what, raw, readVersion);
    } else if (storedVersion > 0 || !stored.equals(read)) {
      throw new ConfigConflictException(
          Reason.VERSION_CHANGED,
          what
              + " was changed by someone else since it was read (expected it as read, without a"
              + " version"
              + VersionedWrites.found(raw)
              + "); read it again and retry");
    }
  }

  /** Why a create found something stored: an unreadable item, or one written meanwhile. */
  private ConfigConflictException refusalToCreate(String what, Map<String, AttributeValue> found) {
    if (IndexKeyRepair.lacksIndexKeys(found)) {
      // Written without index keys since this store last looked (the seed's code): from now on
      // lookups by channel id find it, so the caller's retry reads it instead of creating again.
      learnUnindexed(found);
    }
    ItemDecoder.Decoded decoded = ItemDecoder.decode(found);
    if (!decoded.readable()) {
      return unreadable(what, found, new MalformedItemException(String.valueOf(decoded.problem())));
    }
    return VersionedWrites.versionChanged(what, 0, VersionedWrites.found(found));
  }

  private ConfigConflictException unreadable(
      String what, Map<String, AttributeValue> raw, MalformedItemException problem) {
    malformedLog.report(raw, problem);
    return ItemDecoder.decode(raw)
        .unreadable(raw)
        .map(ConfigConflictException::unreadable)
        .orElseGet(
            () ->
                new ConfigConflictException(
                    Reason.UNREADABLE,
                    what
                        + " is stored but unreadable: "
                        + problem.getMessage()
                        + "; nothing was written (fix or remove the stored item first)"));
  }

  /**
   * What a successful write stored, decoded. The write ran inside {@link ChangeMarker#recording}:
   * its position was taken before, its change record and the marker's move come after.
   */
  private <T> T written(
      Map<String, AttributeValue> stored, Function<Map<String, AttributeValue>, T> reader) {
    return reader.apply(stored);
  }

  @Override
  public Optional<LiveBoard> findBoard(GuildId guildId) {
    return getItem(TableLayout.boardItemKey(guildId), "read the board of guild " + guildId)
        .flatMap(item -> readOrSkip(item, BoardItems::read));
  }

  @Override
  public LiveBoard saveBoard(LiveBoard board) {
    Instant now = now();
    Expressions update = new Expressions();
    BoardItems.write(board, update);
    Instant createdAt =
        marker.recording(
            ConfigKey.board(board.guildId()),
            "save board of guild " + board.guildId(),
            () ->
                writes.update(
                    "board of guild " + board.guildId(),
                    TableLayout.boardItemKey(board.guildId()),
                    update,
                    board.version(),
                    now),
            written -> true);
    return board.withVersion(board.version() + 1).withUpdatedAt(now).withCreatedAt(createdAt);
  }

  @Override
  public boolean deleteBoard(GuildId guildId) {
    return deleteIfExists(
        ConfigKey.board(guildId),
        TableLayout.boardItemKey(guildId),
        "forget the board of guild " + guildId);
  }

  @Override
  public int deleteGuild(GuildId guildId) {
    AtomicBoolean deletedAny = new AtomicBoolean();
    try {
      return marker.recording(
          ConfigKey.guild(guildId),
          "delete guild " + guildId,
          () -> purge.deleteAll(guildId, () -> deletedAny.set(true)),
          deleted -> deleted > 0);
    } catch (RuntimeException e) {
      if (deletedAny.get()) {
        marker.bumpAfterPartialWrite(); // some items are gone: caches without a feed must reload
      }
      throw e;
    }
  }

  /**
   * Scans the whole table (strongly consistent, every page, in {@link Builder#scanSegments}
   * parallel segments). Malformed items are skipped, logged once and counted in {@link
   * #lastLoadReport()}.
   */
  @Override
  public ConfigSnapshot loadAll() {
    TableScanner.Result result = scanner.scan();
    int added = repairIndexKeys(result.unindexed()).added;
    lastLoad = result.report().withIndexKeysAdded(added);
    return result.snapshot();
  }

  @Override
  public long changeMarker() {
    return marker.read();
  }

  /** One strongly consistent GetItem of the marker's {@code taken} counter. */
  @Override
  public OptionalLong changeFeedPosition() {
    return OptionalLong.of(marker.position());
  }

  @Override
  public Optional<RecentChanges> changesAfter(long position) {
    return Optional.of(marker.changesAfter(position));
  }

  /**
   * One strongly consistent GetItem per channel, settings or board key (one read unit for an item
   * under 4 KB), one Query per guild key.
   */
  @Override
  public ConfigSnapshot read(Collection<ConfigKey> keys) {
    ConfigSnapshot.Builder found = ConfigSnapshot.builder();
    for (ConfigKey key : keys) {
      GuildId guild =
          key.guildId()
              .orElseThrow(
                  () -> new IllegalArgumentException("read(everything) is loadAll(), got " + key));
      // Unreadable items are collected too: a change may have made an item unreadable, or
      // readable again, and a cache applying it must learn which.
      switch (key.kind()) {
        case CHANNEL ->
            getItem(TableLayout.channelItemKey(guild, key.channelId().orElseThrow()), "read " + key)
                .ifPresent(item -> collect(item, found));
        case SETTINGS -> settingsItem(guild, "read " + key).ifPresent(item -> collect(item, found));
        case BOARD ->
            getItem(TableLayout.boardItemKey(guild), "read " + key)
                .ifPresent(item -> collect(item, found));
        case GUILD, EVERYTHING -> readGuild(guild, "read " + key, found);
      }
    }
    return found.build();
  }

  /** Every item of the guild's partition, strongly consistent, decoded or said to be unreadable. */
  private void readGuild(GuildId guild, String action, ConfigSnapshot.Builder found) {
    queryAll(
            action,
            request ->
                request
                    .consistentRead(true)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                    .expressionAttributeValues(
                        Map.of(":pk", TableLayout.s(TableLayout.guildKey(guild)))),
            item -> item)
        .forEach(item -> collect(item, found));
  }

  @Override
  public String toString() {
    return "DynamoDbConfigStore{table=" + tableName + " at " + errors.location() + "}";
  }

  /**
   * The channel may be tracked by one guild only. The check reads the index before the write, so it
   * is not atomic with it (DynamoDB transactions would make it so, but the local test servers lack
   * them): two guilds adding the same channel in the same instant could both succeed. A Discord
   * channel id belongs to one guild, so only a forged request could do that, and a full load then
   * keeps one of the two.
   */
  private void refuseIfTrackedElsewhere(ChannelConfig config) {
    String ownKey = TableLayout.guildKey(config.guildId());
    String channelKey = TableLayout.channelKey(config.channelId());
    List<Optional<String>> owners =
        queryAll(
            "check who tracks channel " + config.channelId(),
            request ->
                request
                    .indexName(TableLayout.CHANNEL_INDEX)
                    .keyConditionExpression("#gpk = :pk")
                    .projectionExpression("#pk, #sk, #type")
                    .expressionAttributeNames(
                        Map.of(
                            "#gpk", TableLayout.GSI_PK,
                            "#pk", TableLayout.PK,
                            "#sk", TableLayout.SK,
                            "#type", TableLayout.TYPE))
                    .expressionAttributeValues(Map.of(":pk", TableLayout.s(channelKey))),
            // Only a channel item of this very channel owns it: index keys on any other item
            // (another program's, or a hostile import's) say nothing about who tracks it.
            item ->
                ItemKind.of(item) == ItemKind.CHANNEL
                        && item.get(TableLayout.SK) != null
                        && channelKey.equals(item.get(TableLayout.SK).s())
                    ? Optional.ofNullable(item.get(TableLayout.PK)).map(AttributeValue::s)
                    : Optional.empty());
    List<String> allOwners = new ArrayList<>();
    owners.forEach(owner -> owner.ifPresent(allOwners::add));
    for (Map<String, AttributeValue> key : unindexedKeys(config.channelId())) {
      // Keys come from items whose keys were read: PK is there, a string.
      allOwners.add(Objects.requireNonNull(key.get(TableLayout.PK)).s());
    }
    for (String owner : allOwners) {
      if (!owner.equals(ownKey)) {
        throw new ConfigConflictException(
            Reason.OWNED_BY_ANOTHER_GUILD,
            "channel "
                + config.channelId()
                + " is already tracked by guild "
                + owner.substring(TableLayout.GUILD_PREFIX.length())
                + "; untrack it there first");
      }
    }
  }

  /** Deletes the item if it exists (a condition, so that a missing one is reported as such). */
  private boolean deleteIfExists(
      ConfigKey changed, Map<String, AttributeValue> key, String action) {
    return marker.recording(
        changed, action, () -> deleteIfExistsRecorded(key, action), Boolean::booleanValue);
  }

  private boolean deleteIfExistsRecorded(Map<String, AttributeValue> key, String action) {
    Expressions condition = new Expressions().attributeExists(TableLayout.SK);
    try {
      client.deleteItem(
          condition
              .applyTo(DeleteItemRequest.builder())
              .tableName(tableName)
              .key(key)
              .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
              .build());
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw errors.unavailable(action, e);
    }
    return true;
  }

  private Optional<Map<String, AttributeValue>> settingsItem(GuildId guildId, String action) {
    return getItem(TableLayout.settingsItemKey(guildId), action);
  }

  private Optional<Map<String, AttributeValue>> getItem(
      Map<String, AttributeValue> key, String action) {
    try {
      var response =
          client.getItem(
              request ->
                  request
                      .tableName(tableName)
                      .key(key)
                      .consistentRead(true)
                      .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
      return response.hasItem() && !response.item().isEmpty()
          ? Optional.of(response.item())
          : Optional.empty();
    } catch (SdkException e) {
      throw errors.unavailable(action, e);
    }
  }

  private Optional<GuildSettings> readSettings(Map<String, AttributeValue> item) {
    return readOrSkip(item, SettingsItems::read);
  }

  /** Reads one item; a malformed one is logged (once) and read as absent. */
  private <T> Optional<T> readOrSkip(
      Map<String, AttributeValue> item, Function<Map<String, AttributeValue>, T> reader) {
    try {
      return Optional.of(reader.apply(item));
    } catch (MalformedItemException e) {
      malformedLog.report(item, e);
      return Optional.empty();
    }
  }

  /**
   * Every item of a paginated query, read by {@code reader}; malformed items are logged and
   * skipped.
   */
  private <T> List<T> queryAll(
      String action,
      UnaryOperator<QueryRequest.Builder> query,
      Function<Map<String, AttributeValue>, T> reader) {
    List<T> results = new ArrayList<>();
    QueryRequest request =
        query
            .apply(
                QueryRequest.builder()
                    .tableName(tableName)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .build();
    try {
      // The paginator follows LastEvaluatedKey: one page is never taken for the whole answer.
      for (Map<String, AttributeValue> item : client.queryPaginator(request).items()) {
        try {
          results.add(reader.apply(item));
        } catch (MalformedItemException e) {
          malformedLog.report(item, e);
        }
      }
    } catch (SdkException e) {
      throw errors.unavailable(action, e);
    }
    return results;
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  /** Settings of the store. Not thread-safe. */
  public static final class Builder {
    private @Nullable DynamoDbClient client;
    private String tableName = TableLayout.DEFAULT_TABLE_NAME;
    private Clock clock = Clock.systemUTC();
    private int scanSegments = 1;

    private Builder() {}

    /** The client to use (required); see {@link DynamoDbClients}. The store does not close it. */
    public Builder client(DynamoDbClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** The table; default {@code discord-bot-config}. */
    public Builder tableName(String tableName) {
      this.tableName = TableLayout.requireTableName(tableName);
      return this;
    }

    /** Where {@code createdAt}/{@code updatedAt} come from; default the system clock (UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How many parallel segments {@link #loadAll()} scans; default 1. More only helps a table of
     * many megabytes: each segment costs a thread and at least one request.
     */
    public Builder scanSegments(int segments) {
      if (segments < 1 || segments > 64) {
        throw new IllegalArgumentException("scanSegments must be from 1 to 64, got " + segments);
      }
      this.scanSegments = segments;
      return this;
    }

    public DynamoDbConfigStore build() {
      return new DynamoDbConfigStore(this);
    }
  }
}

package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a tracked channel to and from its item ({@code PK GUILD#g}, {@code SK CHANNEL#c}).
 *
 * <p>Writes use the forms the running TypeScript bot writes and validates (its schema refuses a
 * missing {@code tagType}, {@code tagId} or {@code threshold}, so "none" is written as NULL, not
 * removed); reads accept every form it ever wrote.
 */
final class ChannelItems {
  private ChannelItems() {}

  /**
   * @throws MalformedItemException naming the attribute that cannot be read
   */
  static ChannelConfig read(Map<String, AttributeValue> item) {
    return read(item, SharedValues.NONE);
  }

  /**
   * As {@link #read(Map)}, keeping values that repeat across the items of a load once.
   *
   * @throws MalformedItemException naming the attribute that cannot be read
   */
  static ChannelConfig read(Map<String, AttributeValue> item, SharedValues shared) {
    try {
      return decode(item, shared);
    } catch (InvalidConfigException e) {
      throw new MalformedItemException(e.getMessage());
    }
  }

  private static ChannelConfig decode(Map<String, AttributeValue> item, SharedValues shared) {
    AttributeReader reader = AttributeReader.of(item);
    Instant createdAt = reader.instant(TableLayout.CREATED_AT).orElse(Instant.EPOCH);
    return ChannelConfig.builder()
        .guildId(shared.share(ItemKeys.guildOf(item)))
        .channelId(ItemKeys.channelOf(item))
        .image(reader.bool(TableLayout.IMAGE, false))
        .notifyOnClose(reader.bool(TableLayout.NOTIFY_ON_CLOSE, true))
        .pin(reader.bool(TableLayout.PIN, false))
        .tag(reader.tag().map(shared::share))
        .threshold(shared.share(reader.threshold()))
        .reporters(reporters(reader))
        .custom(shared.share(CustomItems.read(item, shared.schema(), SettingKey.Scope.CHANNEL)))
        .createdAt(createdAt)
        .updatedAt(reader.updatedAt(createdAt))
        .version(reader.version())
        .build();
  }

  /** Every attribute {@link #read} looks at besides the keys. */
  static final List<String> MODELLED =
      List.of(
          TableLayout.GSI_PK,
          TableLayout.GSI_SK,
          TableLayout.TYPE,
          TableLayout.IMAGE,
          TableLayout.NOTIFY_ON_CLOSE,
          TableLayout.PIN,
          TableLayout.TAG_TYPE,
          TableLayout.TAG_ID,
          TableLayout.THRESHOLD,
          TableLayout.REPORTERS,
          TableLayout.CREATED_AT,
          TableLayout.UPDATED_AT,
          TableLayout.VERSION);

  /** Adds the SETs of the bookkeeping this store owns: index keys and type. */
  static void writeKeys(ChannelConfig channel, Expressions update) {
    update
        .set(TableLayout.GSI_PK, TableLayout.s(TableLayout.channelKey(channel.channelId())))
        .set(TableLayout.GSI_SK, TableLayout.s(TableLayout.guildKey(channel.guildId())))
        .set(TableLayout.TYPE, TableLayout.s(TableLayout.CHANNEL_TYPE));
  }

  /**
   * Adds the SETs of the attributes in which {@code changed} differs from {@code read}, and the
   * bookkeeping: every other attribute stays as stored, in whatever form its writer gave it. A tag
   * is two attributes: only the one that changed is written ({@code tagId} alone for another user).
   */
  static void writeChanges(
      ChannelConfig read,
      ChannelConfig changed,
      Map<String, AttributeValue> stored,
      Expressions update) {
    writeKeys(changed, update);
    if (read.image() != changed.image()) {
      update.set(TableLayout.IMAGE, TableLayout.bool(changed.image()));
    }
    if (read.notifyOnClose() != changed.notifyOnClose()) {
      update.set(TableLayout.NOTIFY_ON_CLOSE, TableLayout.bool(changed.notifyOnClose()));
    }
    if (read.pin() != changed.pin()) {
      update.set(TableLayout.PIN, TableLayout.bool(changed.pin()));
    }
    writeTagChanges(
        read.tag(),
        changed.tag(),
        TableLayout.TAG_TYPE,
        TableLayout.TAG_ID,
        stored.get(TableLayout.TAG_TYPE),
        update::set);
    if (!read.threshold().equals(changed.threshold())) {
      update.set(TableLayout.THRESHOLD, threshold(changed.threshold()));
    }
    if (read.reporters() != changed.reporters()) {
      update.set(TableLayout.REPORTERS, TableLayout.s(changed.reporters().text()));
    }
    CustomItems.writeChanges(read.custom(), changed.custom(), stored, update);
  }

  /**
   * The SETs that turn tag {@code read} into {@code changed}: the type when its type changed, the
   * id when its id changed, both (as NULL) when it is cleared.
   *
   * @param storedType the stored {@code tagType}, whose case a new type follows (see {@link
   *     #tagType(Tag, AttributeValue)})
   */
  static void writeTagChanges(
      Optional<Tag> read,
      Optional<Tag> changed,
      String typeName,
      String idName,
      @Nullable AttributeValue storedType,
      BiConsumer<String, AttributeValue> set) {
    if (read.equals(changed)) {
      return;
    }
    if (changed.isEmpty()) {
      set.accept(typeName, TableLayout.nul());
      set.accept(idName, TableLayout.nul());
      return;
    }
    Tag tag = changed.get();
    if (read.isEmpty() || read.get().type() != tag.type()) {
      set.accept(typeName, tagType(tag, storedType));
    }
    if (read.isEmpty() || read.get().id() != tag.id()) {
      set.accept(idName, tagId(tag));
    }
  }

  /**
   * Adds the SETs of every modelled attribute, index keys and type included (not the metadata), and
   * of every custom key holding a value.
   */
  static void write(ChannelConfig channel, Expressions update) {
    writeKeys(channel, update);
    update
        .set(TableLayout.IMAGE, TableLayout.bool(channel.image()))
        .set(TableLayout.NOTIFY_ON_CLOSE, TableLayout.bool(channel.notifyOnClose()))
        .set(TableLayout.PIN, TableLayout.bool(channel.pin()))
        .set(
            TableLayout.TAG_TYPE,
            channel.tag().map(ChannelItems::tagType).orElseGet(TableLayout::nul))
        .set(TableLayout.TAG_ID, channel.tag().map(ChannelItems::tagId).orElseGet(TableLayout::nul))
        .set(TableLayout.THRESHOLD, threshold(channel.threshold()))
        .set(TableLayout.REPORTERS, TableLayout.s(channel.reporters().text()));
    CustomItems.write(channel.custom(), update);
  }

  /** Absent or NULL (every item the running bot wrote): the default. */
  private static Reporters reporters(AttributeReader reader) {
    return reader
        .string(TableLayout.REPORTERS)
        .map(text -> reader.parse(TableLayout.REPORTERS, text, Reporters::parse))
        .orElse(Reporters.WEBHOOKS);
  }

  /** Lower case, as the running bot writes it. */
  static AttributeValue tagType(Tag tag) {
    return TableLayout.s(tag.type().name().toLowerCase(Locale.ROOT));
  }

  /**
   * In the case of the stored {@code tagType}: upper case in an item of the older TypeScript bot
   * ({@code USER}, {@code ROLE}, {@code NONE}) or of the seed, which compare it as written; lower
   * case otherwise, as the newer bot writes and validates it.
   */
  static AttributeValue tagType(Tag tag, @Nullable AttributeValue stored) {
    String storedText = stored == null ? null : stored.s();
    boolean upper =
        storedText != null
            && !storedText.isEmpty()
            && storedText.equals(storedText.toUpperCase(Locale.ROOT));
    return upper ? TableLayout.s(tag.type().name()) : tagType(tag);
  }

  /** Always S: a JavaScript reader of an N snowflake loses its last digits. */
  static AttributeValue tagId(Tag tag) {
    return TableLayout.s(tag.idText());
  }

  private static AttributeValue threshold(Threshold threshold) {
    return switch (threshold.kind()) {
      case NONE -> TableLayout.nul();
      case PERCENT -> AttributeValue.fromN(threshold.toString());
      default -> TableLayout.s(threshold.toString());
    };
  }
}

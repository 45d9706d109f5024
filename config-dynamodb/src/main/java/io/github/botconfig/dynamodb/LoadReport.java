package io.github.botconfig.dynamodb;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link DynamoDbConfigStore#loadAll()} found in the table, beyond the snapshot itself
 * ({@link DynamoDbConfigStore#lastLoadReport()}).
 *
 * <p>Immutable and thread-safe. Only the store makes these; a later version may report more (a new
 * accessor), which is why this is a class with accessors and not a record.
 */
public final class LoadReport {
  /** How many malformed items {@link #malformed()} lists at most. */
  public static final int MAX_LISTED = 100;

  /** Before any load. */
  public static final LoadReport NONE = new LoadReport(0, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0);

  private final long itemsRead;
  private final int pages;
  private final int channels;
  private final int settings;
  private final int boards;
  private final int otherItems;
  private final int malformedItems;
  private final List<String> malformed;
  private final int duplicateChannels;
  private final int unindexedChannels;
  private final int indexKeysAdded;

  LoadReport(
      long itemsRead,
      int pages,
      int channels,
      int settings,
      int boards,
      int otherItems,
      int malformedItems,
      List<String> malformed,
      int duplicateChannels,
      int unindexedChannels,
      int indexKeysAdded) {
    this.itemsRead = itemsRead;
    this.pages = pages;
    this.channels = channels;
    this.settings = settings;
    this.boards = boards;
    this.otherItems = otherItems;
    this.malformedItems = malformedItems;
    this.malformed = List.copyOf(malformed);
    this.duplicateChannels = duplicateChannels;
    this.unindexedChannels = unindexedChannels;
    this.indexKeysAdded = indexKeysAdded;
  }

  /** Every item the scan returned. */
  public long itemsRead() {
    return itemsRead;
  }

  /** Scan pages read (at most 1 MB each), over all segments. */
  public int pages() {
    return pages;
  }

  /** Tracked channels in the snapshot. */
  public int channels() {
    return channels;
  }

  /** Guilds with stored settings in the snapshot. */
  public int settings() {
    return settings;
  }

  /** Guilds with a stored live board in the snapshot. */
  public int boards() {
    return boards;
  }

  /**
   * Items of types this store does not model (the change marker, the running bot's {@code
   * global_position_message}, …), left alone.
   */
  public int otherItems() {
    return otherItems;
  }

  /** Items of a modelled type that could not be read, skipped (each is logged once). */
  public int malformedItems() {
    return malformedItems;
  }

  /** Up to {@value #MAX_LISTED} of those, as "{@code PK=… SK=…: reason}". */
  public List<String> malformed() {
    return malformed;
  }

  /**
   * Channel items left out because the same channel is tracked under another guild too (see {@link
   * io.github.botconfig.domain.ConfigSnapshot}).
   */
  public int duplicateChannels() {
    return duplicateChannels;
  }

  /**
   * Channel items found without their index keys ({@code GSI_PK}/{@code GSI_SK}), as the seed's
   * Pattern 2 wrote them: lookups by channel id find them all the same.
   */
  public int unindexedChannels() {
    return unindexedChannels;
  }

  /**
   * How many of the {@link #unindexedChannels()} the load gave their index keys (the others could
   * not be written: the next load tries again).
   */
  public int indexKeysAdded() {
    return indexKeysAdded;
  }

  /** This report, saying the load gave {@code added} unindexed channels their index keys. */
  LoadReport withIndexKeysAdded(int added) {
    return new LoadReport(
        itemsRead,
        pages,
        channels,
        settings,
        boards,
        otherItems,
        malformedItems,
        malformed,
        duplicateChannels,
        unindexedChannels,
        added);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof LoadReport that)) {
      return false;
    }
    return itemsRead == that.itemsRead
        && pages == that.pages
        && channels == that.channels
        && settings == that.settings
        && boards == that.boards
        && otherItems == that.otherItems
        && malformedItems == that.malformedItems
        && duplicateChannels == that.duplicateChannels
        && unindexedChannels == that.unindexedChannels
        && indexKeysAdded == that.indexKeysAdded
        && malformed.equals(that.malformed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        itemsRead,
        pages,
        channels,
        settings,
        boards,
        otherItems,
        malformedItems,
        malformed,
        duplicateChannels,
        unindexedChannels,
        indexKeysAdded);
  }

  @Override
  public String toString() {
    return "LoadReport[itemsRead="
        + itemsRead
        + ", pages="
        + pages
        + ", channels="
        + channels
        + ", settings="
        + settings
        + ", boards="
        + boards
        + ", otherItems="
        + otherItems
        + ", malformedItems="
        + malformedItems
        + ", malformed="
        + malformed
        + ", duplicateChannels="
        + duplicateChannels
        + ", unindexedChannels="
        + unindexedChannels
        + ", indexKeysAdded="
        + indexKeysAdded
        + "]";
  }
}

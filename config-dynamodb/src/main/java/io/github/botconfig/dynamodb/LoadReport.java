package io.github.botconfig.dynamodb;

import java.util.List;

/**
 * What one {@link DynamoDbConfigStore#loadAll()} found in the table, beyond the snapshot itself.
 *
 * <p>Immutable and thread-safe.
 *
 * @param itemsRead every item the scan returned
 * @param pages scan pages read (at most 1 MB each), over all segments
 * @param channels tracked channels in the snapshot
 * @param settings guilds with stored settings in the snapshot
 * @param boards guilds with a stored live board in the snapshot
 * @param otherItems items of types this store does not model (the change marker, the running bot's
 *     {@code global_position_message}, …), left alone
 * @param malformedItems items of a modelled type that could not be read, skipped (each is logged
 *     once)
 * @param malformed up to {@value #MAX_LISTED} of those, as "{@code PK=… SK=…: reason}"
 * @param duplicateChannels channel items left out because the same channel is tracked under another
 *     guild too (see {@link io.github.botconfig.domain.ConfigSnapshot})
 * @param unindexedChannels channel items found without their index keys ({@code GSI_PK}/{@code
 *     GSI_SK}), as the seed's Pattern 2 wrote them: lookups by channel id find them all the same
 * @param indexKeysAdded how many of those the load gave their index keys (the others could not be
 *     written: the next load tries again)
 */
public record LoadReport(
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

  /** How many malformed items {@link #malformed()} lists at most. */
  public static final int MAX_LISTED = 100;

  /** Before any load. */
  public static final LoadReport NONE = new LoadReport(0, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0);

  public LoadReport {
    malformed = List.copyOf(malformed);
  }

  /** This report, saying that {@code added} channel items were given their index keys. */
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
}

package io.github.botconfig.domain;

/**
 * A write was refused because the stored data is not what the writer expected; nothing was written.
 * Read the current value and try again (an admin simply re-runs the command).
 */
public final class ConfigConflictException extends ConfigException {
  private static final long serialVersionUID = 1L;

  /** Why the write was refused. */
  public enum Reason {
    /** Someone else stored a newer version (or deleted the item) since the writer read it. */
    VERSION_CHANGED,
    /** The channel is already tracked under another guild; a channel belongs to one guild. */
    OWNED_BY_ANOTHER_GUILD,
    /**
     * An item is stored under the key but cannot be read ({@link UnreadableItem}): it is never
     * replaced by a fresh one nor changed on a guess. Fix or remove the stored item first.
     */
    UNREADABLE
  }

  private final Reason reason;

  public ConfigConflictException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * The refusal to write over an item that is stored but cannot be read: names the item, says why
   * it cannot be read and that nothing was written.
   */
  public static ConfigConflictException unreadable(UnreadableItem item) {
    return new ConfigConflictException(
        Reason.UNREADABLE,
        item.what()
            + " is "
            + item.describe()
            + "; nothing was written (fix or remove the stored item first)");
  }

  public Reason reason() {
    return reason;
  }
}

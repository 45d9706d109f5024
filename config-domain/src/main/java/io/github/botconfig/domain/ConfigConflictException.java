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
    OWNED_BY_ANOTHER_GUILD
  }

  private final Reason reason;

  public ConfigConflictException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

package io.github.botconfig.app.cli;

/** What the {@code botconfig} process returns; scripts can rely on these. */
public final class ExitCodes {
  /** Done. */
  public static final int OK = 0;

  /** Anything not covered below (a bug, an unexpected failure). */
  public static final int FAILURE = 1;

  /** Invalid usage or input; the message on stderr names the value. */
  public static final int INVALID = 2;

  /** The store could not be reached, even after retries. */
  public static final int STORE_UNAVAILABLE = 3;

  /** Someone else changed the data first; read again and retry. */
  public static final int CONFLICT = 4;

  private ExitCodes() {}
}

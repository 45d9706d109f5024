package io.github.botconfig.app.launch;

/**
 * The bot's Discord token. It is a secret: {@link #toString()} never shows it, so it cannot leak
 * through a log line, an exception message or a debugger's summary. Only {@link #reveal()} gives
 * it, for the one call that logs in to Discord.
 */
public final class DiscordToken {
  private final String value;

  private DiscordToken(String value) {
    this.value = value;
  }

  static DiscordToken of(String value) {
    return new DiscordToken(value);
  }

  /** Returns the token itself. Call it only to hand the token to JDA. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "DiscordToken[hidden]";
  }
}

package io.github.botconfig.domain;

/** An input was refused; the message names the value and the rule it broke. Nothing was written. */
public final class InvalidConfigException extends ConfigException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(message);
  }
}

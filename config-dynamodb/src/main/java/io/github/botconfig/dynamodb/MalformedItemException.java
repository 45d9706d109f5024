package io.github.botconfig.dynamodb;

/** An item that cannot be read as what its type says; the message says which attribute and why. */
final class MalformedItemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedItemException(String reason) {
    super(reason, null, false, false);
  }
}

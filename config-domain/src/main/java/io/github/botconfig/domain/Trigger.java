package io.github.botconfig.domain;

/** The kind of automatic close a result report announces, when it announces one. */
public enum Trigger {
  /** The position was closed by its take-profit order. */
  TAKE_PROFIT,
  /** The position was closed by its stop-loss order. */
  STOP_LOSS
}

package io.github.botconfig.app.launch;

/** How log lines are written. */
public enum LogFormat {
  /** One human-readable line per event. */
  TEXT,
  /** One JSON object per line, for log collectors. */
  JSON
}

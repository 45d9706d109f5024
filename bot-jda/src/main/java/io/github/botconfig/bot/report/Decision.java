package io.github.botconfig.bot.report;

import java.time.Instant;
import java.util.Optional;

/**
 * What the bot does about one message in a tracked channel: nothing (and why), or a result report
 * that the live board shows and that an alert may answer.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Decision permits Decision.Nothing, Decision.Report {

  /** Nothing to do. Constants: a message that is not a report allocates no decision. */
  enum Nothing implements Decision {
    /** The channel does not take reports from this author (see {@code Reporters}). */
    NOT_A_REPORTER,
    /** The text announces no result. */
    NOT_A_REPORT,
    /**
     * The channel's stored configuration names another guild than the one the message came from:
     * its tag and board belong to that other guild.
     */
    OTHER_GUILD
  }

  /**
   * A result report.
   *
   * @param result what it announced: the live board shows it
   * @param at when it was posted
   * @param alert the answer, if the channel answers reports and its alert limit allows one
   */
  record Report(ResultReport result, Instant at, Optional<Alert> alert) implements Decision {}
}

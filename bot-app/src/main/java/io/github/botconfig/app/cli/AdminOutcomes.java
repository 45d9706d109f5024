package io.github.botconfig.app.cli;

import io.github.botconfig.application.port.in.Outcome;
import java.io.PrintWriter;

/**
 * How the command line renders an admin use case's {@link Outcome}: a success prints its value (the
 * caller's business) and exits {@link ExitCodes#OK}; a failure prints one line naming what went
 * wrong on standard error, as every other failure does, and exits with the code scripts rely on.
 */
final class AdminOutcomes {
  private AdminOutcomes() {}

  /** The exit code of an outcome. */
  static int exitCode(Outcome.Kind kind) {
    return switch (kind) {
      case CREATED, CHANGED, UNCHANGED, FOUND, REMOVED -> ExitCodes.OK;
      case NOT_TRACKED, INVALID, NOT_ALLOWED -> ExitCodes.INVALID;
      // An unreadable item is a conflict: it must be fixed before anything replaces it.
      case OWNED_BY_ANOTHER_GUILD, CONFLICT, UNREADABLE -> ExitCodes.CONFLICT;
      case UNAVAILABLE -> ExitCodes.STORE_UNAVAILABLE;
    };
  }

  /** Prints a failed outcome's message on {@code err}; returns its exit code. */
  static int failure(PrintWriter err, Outcome<?> outcome) {
    err.println("error: " + outcome.message());
    return exitCode(outcome.kind());
  }

  /**
   * As {@link #failure(PrintWriter, Outcome)}, saying a store failure as every other command does
   * ({@link Failures}: a missing table with the command that creates it, rejected credentials, …).
   */
  static int failure(CliContext context, Outcome<?> outcome) {
    if (outcome.cause().isPresent()) {
      Failures.Failure failure = Failures.of(outcome.cause().get(), context.where());
      context.err().println("error: " + failure.message());
      if (context.verbose()) {
        outcome.cause().get().printStackTrace(context.err());
      }
      return failure.code();
    }
    return failure(context.err(), outcome);
  }
}

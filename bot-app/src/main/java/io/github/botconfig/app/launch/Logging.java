package io.github.botconfig.app.launch;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback from the options: the level, and text or JSON lines, always on standard error
 * (standard output belongs to command results). Until this runs, {@link StartupLogging} keeps the
 * console quiet.
 */
public final class Logging {
  private static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{24} - %msg%n";

  private Logging() {}

  /** Replaces the console configuration; safe to call more than once. */
  public static void configure(String level, LogFormat format) {
    configure((LoggerContext) LoggerFactory.getILoggerFactory(), level, format);
  }

  /**
   * Turns logging off: the process is ending on a failure already reported in one line, and what
   * the libraries log while they stop (JDA's stack trace of the same failure) would only bury it.
   */
  public static void silence() {
    ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        .setLevel(Level.OFF);
  }

  /**
   * Runs {@code action} with {@code loggerName} silenced, then gives it its level back: for a step
   * whose failure the caller reports itself, in one line (a library that logs the same failure with
   * its stack trace would only bury it). After a failure the logger stays silent: the library's own
   * threads may log that failure a moment after the caller has it (JDA's rate limiter does), while
   * the caller says it and ends.
   */
  public static <T> T quietDuring(String loggerName, java.util.function.Supplier<T> action) {
    Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(loggerName);
    Level before = logger.getLevel();
    logger.setLevel(Level.OFF);
    T result = action.get();
    logger.setLevel(before);
    return result;
  }

  /** Configures {@code context} (also while Logback initialises it: {@link StartupLogging}). */
  static void configure(LoggerContext context, String level, LogFormat format) {
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();

    Encoder<ILoggingEvent> encoder;
    if (format == LogFormat.JSON) {
      JsonEncoder json = new JsonEncoder();
      json.setWithFormattedMessage(true);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithContext(false);
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      encoder = json;
    } else {
      encoder = new TextOnFirstEvent();
    }
    encoder.setContext(context);
    encoder.start();

    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();

    root.addAppender(console);
    root.setLevel(Level.toLevel(level, Level.INFO));
    // JDA and the AWS SDK are chatty at DEBUG; their INFO is what an operator wants even when we
    // debug.
    if (root.getLevel().isGreaterOrEqual(Level.INFO)) {
      context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
    }
  }

  /**
   * The text encoder, set up at the first event: most commands log nothing, and a pattern layout's
   * set-up (its table of converters, the pattern's parse) cost every command about a twentieth of
   * its start. What it writes is the pattern's, as if it had been set up at once.
   */
  static final class TextOnFirstEvent extends EncoderBase<ILoggingEvent> {
    private @Nullable PatternLayoutEncoder text;

    private synchronized PatternLayoutEncoder text() {
      if (text == null) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(getContext());
        encoder.setPattern(PATTERN);
        encoder.start();
        text = encoder;
      }
      return text;
    }

    @Override
    public byte @Nullable [] headerBytes() {
      return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
      return text().encode(event);
    }

    @Override
    public byte @Nullable [] footerBytes() {
      return null;
    }
  }
}

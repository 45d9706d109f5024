package io.github.botconfig.bot.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test when anything — JDA above all — logged an ERROR during it. JDA reports a payload it
 * cannot read only in its log (the guild then stays pending), so an ERROR line is a test failure,
 * not noise.
 *
 * <p>It also keeps the WARN lines, for tests that check a warning is logged (and how often).
 *
 * <p>Register with {@code @RegisterExtension}. Needs Logback as the SLF4J binding (test scope).
 * Thread-safe.
 */
public final class ErrorLogTrap extends AppenderBase<ILoggingEvent>
    implements BeforeEachCallback, AfterEachCallback {
  private final List<String> errors = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  @Override
  public void beforeEach(ExtensionContext context) {
    synchronized (errors) {
      errors.clear();
      warnings.clear();
    }
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    setContext(logging);
    setName("error-log-trap");
    start();
    logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
    stop();
    List<String> found = errors();
    if (!found.isEmpty()) {
      throw new AssertionError(
          "ERROR lines were logged during the test:\n" + String.join("\n", found));
    }
  }

  /** The ERROR lines logged so far in this test. */
  public List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  /** The WARN lines logged so far in this test (as the configuration lets them through). */
  public List<String> warnings() {
    synchronized (errors) {
      return List.copyOf(warnings);
    }
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
      return;
    }
    String line =
        event.getLoggerName()
            + ": "
            + event.getFormattedMessage()
            + (event.getThrowableProxy() == null
                ? ""
                : " ("
                    + event.getThrowableProxy().getClassName()
                    + ": "
                    + event.getThrowableProxy().getMessage()
                    + ")");
    synchronized (errors) {
      (event.getLevel().isGreaterOrEqual(Level.ERROR) ? errors : warnings).add(line);
    }
  }
}

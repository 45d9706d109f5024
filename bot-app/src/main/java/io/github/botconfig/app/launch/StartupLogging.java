package io.github.botconfig.app.launch;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration at start, in code: warnings only, on standard error, until {@link
 * Logging#configure} applies the options. Logback finds it through ServiceLoader ({@code
 * META-INF/services}); it replaces a {@code logback.xml}, whose XML parsing cost every command,
 * {@code --version} included, about a tenth of a second.
 *
 * <p>Public only for ServiceLoader.
 */
public final class StartupLogging extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    Logging.configure(context, "WARN", LogFormat.TEXT);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}

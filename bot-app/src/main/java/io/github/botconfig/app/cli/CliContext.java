package io.github.botconfig.app.cli;

import io.github.botconfig.app.config.AppSettings;
import io.github.botconfig.app.wiring.AppComponent;
import io.github.botconfig.application.port.in.ConfigAdministration;
import io.github.botconfig.application.service.AdminService;
import io.github.botconfig.domain.ConfigStore;
import java.io.PrintWriter;

/**
 * What a command needs from the outside world: settings, the store (built on first use, so that
 * `--help` and usage errors never touch the network) and where to print.
 */
public interface CliContext {
  /** The validated settings, global options applied. */
  AppSettings settings();

  /**
   * The object graph for the settings (DynamoDB client, store, provisioner, …), created on first
   * call.
   */
  AppComponent graph();

  /** The configured store, created on first call. */
  default ConfigStore store() {
    return graph().store();
  }

  /**
   * The admin use cases over {@link #store()}, as the operator of the table: every admin command
   * calls one of them and renders its outcome ({@link AdminOutcomes}).
   */
  default ConfigAdministration admin() {
    return new AdminService(store());
  }

  /** Standard output: results, and nothing else (scripts parse it). */
  PrintWriter out();

  /** Standard error: errors and progress. */
  PrintWriter err();
}

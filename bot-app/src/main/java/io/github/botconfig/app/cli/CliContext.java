package io.github.botconfig.app.cli;

import io.github.botconfig.app.config.AppSettings;
import io.github.botconfig.app.wiring.AppComponent;
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

  /** Standard output: results, and nothing else (scripts parse it). */
  PrintWriter out();

  /** Standard error: errors and progress. */
  PrintWriter err();
}

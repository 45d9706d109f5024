package io.github.botconfig.app.cli;

import io.github.botconfig.app.launch.LaunchOptions;
import io.github.botconfig.app.wiring.AppComponent;
import io.github.botconfig.app.wiring.BotSettingKeys;
import io.github.botconfig.app.wiring.DynamoDbGuildInventory;
import io.github.botconfig.application.port.in.ConfigAdministration;
import io.github.botconfig.application.service.AdminService;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.SettingsSchema;
import java.io.PrintWriter;

/**
 * What a command needs from the outside world: options, the store (built on first use, so that
 * `--help` and usage errors never touch the network) and where to print.
 */
public interface CliContext {
  /** The validated options, global options applied. */
  LaunchOptions options();

  /**
   * The object graph for the options (DynamoDB client, store, provisioner, …), created on first
   * call.
   */
  AppComponent graph();

  /**
   * The graph for the bot ({@code run}): on the embedded store it also claims {@code data/} for
   * this process, refusing if another bot has it.
   */
  AppComponent botGraph();

  /** The table's name and where it is, as failures and advice name them. */
  Failures.Where where();

  /**
   * Asks a yes/no question on the terminal.
   *
   * @return the answer (only {@code y} or {@code yes} is yes), or empty when there is no terminal
   *     to ask (a script, a pipe): the command must then be told with an option
   */
  java.util.Optional<Boolean> confirm(String question);

  /** Whether {@code --verbose} was given. */
  boolean verbose();

  /**
   * The setting keys declared beside the built-in options ({@link BotSettingKeys}): what {@code
   * --set KEY=VALUE} accepts and {@code show} lists; the store of {@link #graph()} reads the same.
   */
  default SettingsSchema settingsSchema() {
    return BotSettingKeys.SCHEMA;
  }

  /** The configured store, created on first call. */
  default ConfigStore store() {
    return graph().store();
  }

  /**
   * The admin use cases over {@link #store()}, as the operator of the table: every admin command
   * calls one of them and renders its outcome ({@link AdminOutcomes}). A purge's plan lists every
   * item of the guild in the table, of any kind ({@link DynamoDbGuildInventory}).
   */
  default ConfigAdministration admin() {
    return new AdminService(
        store(), new DynamoDbGuildInventory(graph().client(), options().table()));
  }

  /** Standard output: results, and nothing else (scripts parse it). */
  PrintWriter out();

  /** Standard error: errors and progress. */
  PrintWriter err();
}

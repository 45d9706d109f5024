package io.github.botconfig.app.launch;

import org.jspecify.annotations.Nullable;

/**
 * Every setting of the launcher: its environment variable, the command-line option that overrides
 * it, and what it means. The command line's options are made from this list (global ones on every
 * command, the others on {@code run}); docs/configuration.md lists the same table, and a test keeps
 * the two in step.
 */
public enum LaunchOption {
  DISCORD_TOKEN(
      "DISCORD_TOKEN",
      null,
      "the bot's token (Discord developer portal → your application → Bot → Reset Token)"),
  DISCORD_TOKEN_FILE(
      "DISCORD_TOKEN_FILE",
      "--token-file",
      "a file holding the token; preferred to DISCORD_TOKEN (should not be readable by other users)"),
  SETTINGS_FILE(
      "BOTCONFIG_SETTINGS_FILE",
      "--settings-file",
      "a file of launch options, one VARIABLE=value a line (the format of systemd's EnvironmentFile and"
          + " docker's --env-file); the environment and the options override it"),
  TABLE("BOTCONFIG_TABLE", "--table", "the DynamoDB table", "discord-bot-config"),
  REGION("AWS_REGION", "--region", "the AWS region of the table; alone, it selects real DynamoDB"),
  ENDPOINT(
      "AWS_ENDPOINT_URL_DYNAMODB",
      "--endpoint",
      "a DynamoDB endpoint URL (a local server, or a VPC endpoint)"),
  REFRESH_INTERVAL(
      "BOTCONFIG_REFRESH_INTERVAL",
      "--refresh-interval",
      "how often the cache reloads the whole table, as a safety net",
      "30m"),
  CHANGE_POLL_INTERVAL(
      "BOTCONFIG_CHANGE_POLL_INTERVAL",
      "--change-poll-interval",
      "how often the cache reads the table's change feed (0 disables)",
      "5s"),
  INITIAL_LOAD_WAIT(
      "BOTCONFIG_INITIAL_LOAD_WAIT",
      "--initial-load-wait",
      "how long start-up waits for the first full load before going on in fallback mode",
      "30s"),
  PURGE_GRACE_PERIOD(
      "BOTCONFIG_PURGE_GRACE_PERIOD",
      "--purge-grace-period",
      "how long a guild's items are kept after the bot is removed from it",
      "7d"),
  DEV_GUILD_ID(
      "BOTCONFIG_DEV_GUILD_ID",
      "--dev-guild",
      "register slash commands in this guild only (instant updates while developing)"),
  LOG_LEVEL("BOTCONFIG_LOG_LEVEL", "--log-level", "TRACE, DEBUG, INFO, WARN or ERROR", "INFO"),
  LOG_FORMAT(
      "BOTCONFIG_LOG_FORMAT",
      "--log-format",
      "text (human-readable) or json (one object per line)",
      "text"),
  DISCORD_REST_URL(
      "BOTCONFIG_DISCORD_REST_URL",
      null,
      "Discord's REST API base URL, for a proxy or a test double (default Discord's own)"),
  DISCORD_GATEWAY_URL(
      "BOTCONFIG_DISCORD_GATEWAY_URL",
      null,
      "Discord's gateway WebSocket URL, for a proxy or a test double (default: the one Discord names)"),
  SHARD_TOTAL(
      "BOTCONFIG_SHARD_TOTAL",
      "--shard-total",
      "how many shards the bot has across all its processes; auto asks Discord",
      "auto"),
  SHARDS(
      "BOTCONFIG_SHARDS",
      "--shards",
      "the shards this process runs, such as 0-3 or 0,2,5-7 (needs a fixed shard total); default all"),
  HEALTH_ENABLED(
      "BOTCONFIG_HEALTH_ENABLED",
      "--health",
      "serve /healthz and /metrics over HTTP while the bot runs",
      "false"),
  HEALTH_ADDRESS(
      "BOTCONFIG_HEALTH_ADDRESS",
      "--health-address",
      "the IP address the health endpoint listens on",
      "127.0.0.1"),
  HEALTH_PORT(
      "BOTCONFIG_HEALTH_PORT",
      "--health-port",
      "the health endpoint's TCP port (0: any free port, logged)",
      "8081"),
  EMBEDDED_IDLE_STOP(
      "BOTCONFIG_EMBEDDED_IDLE_STOP",
      null,
      "how long the embedded DynamoDB server keeps running with no request and no bot, so that the"
          + " next command finds it started",
      "10m");

  private final String variable;
  private final String option;
  private final String description;
  private final String defaultValue;

  LaunchOption(String variable, @Nullable String option, String description) {
    this(variable, option, description, "");
  }

  LaunchOption(String variable, @Nullable String option, String description, String defaultValue) {
    this.variable = variable;
    this.option = option == null ? "" : option;
    this.description = description;
    this.defaultValue = defaultValue;
  }

  /** The environment variable. */
  public String variable() {
    return variable;
  }

  /**
   * The command-line option, or empty when the setting has none (the token: command lines are
   * visible to every user).
   */
  public String option() {
    return option;
  }

  public String description() {
    return description;
  }

  /**
   * Whether the option applies to every command (where the table is) rather than to {@code run}
   * only (how the bot runs).
   */
  public boolean global() {
    return this == TABLE || this == REGION || this == ENDPOINT || this == SETTINGS_FILE;
  }

  /** The default, or empty when there is none. */
  public String defaultValue() {
    return defaultValue;
  }
}

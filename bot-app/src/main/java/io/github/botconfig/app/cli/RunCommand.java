package io.github.botconfig.app.cli;

import io.github.botconfig.app.health.ShardView;
import io.github.botconfig.app.launch.LaunchOptions;
import io.github.botconfig.app.launch.Logging;
import io.github.botconfig.app.wiring.AppComponent;
import io.github.botconfig.app.wiring.DiscordConnection;
import io.github.botconfig.app.wiring.HealthEndpoints;
import io.github.botconfig.cache.CacheStatus;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.StoreUnavailableException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code botconfig run}: the bot. Checks the table (on the embedded store, the default one is
 * created on the first run), loads the cache (at most the initial-load wait; then it goes on in
 * fallback mode and keeps loading), logs in to Discord, and runs until SIGTERM or SIGINT, which
 * stop Discord, the cache's tasks and the DynamoDB client in that order and exit 0.
 */
@Command(
    name = "run",
    description = {
      "Run the bot until SIGTERM or Ctrl-C. Needs DISCORD_TOKEN or DISCORD_TOKEN_FILE.",
      "Without a token, try 'botconfig simulate': the same message path, with Discord replaced by a counter."
    },
    mixinStandardHelpOptions = true)
final class RunCommand extends StoreCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  static final String NO_TOKEN =
      "no Discord token: set DISCORD_TOKEN_FILE to a file holding it (or DISCORD_TOKEN); to get"
          + " one, https://discord.com/developers/applications → New Application → Bot → Reset Token,"
          + " with the Message Content intent enabled there (docs/quickstart.md walks through it);"
          + " no token yet? 'botconfig simulate' runs the same message path without Discord";

  static final String INTENTS_REFUSED =
      "Discord refused the bot's gateway intents (close code %d, %s): enable Message Content"
          + " Intent at https://discord.com/developers/applications → your application → Bot →"
          + " Privileged Gateway Intents, then start the bot again";

  @Override
  public Integer call() throws InterruptedException {
    LaunchOptions options = context().options();
    if (options.token().isEmpty()) {
      throw new InvalidConfigException(NO_TOKEN);
    }
    Logging.configure(options.logLevel(), options.logFormat());
    AppComponent graph = context().botGraph();
    ShutdownOnSignal.install(graph::close);
    ShardView shards = new ShardView();
    if (options.health().enabled()) {
      HealthEndpoints.start(graph, shards); // before the load: a probe can watch the bot start
    }

    long started = System.nanoTime();
    checkTable(graph, options.table());
    ConfigCache cache = graph.cache();
    CacheStatus status = cache.start();
    long loadMillis = (System.nanoTime() - started) / 1_000_000;
    if (status.isLoaded()) {
      LOG.info(
          "Configuration loaded in {} ms: {} tracked channels",
          loadMillis,
          cache.stats().channels());
    } else {
      LOG.warn(
          "Configuration not loaded after {} ms ({}); starting anyway: lookups read DynamoDB until the load succeeds",
          loadMillis,
          status);
    }

    LOG.info("Connecting to Discord: {}", options.sharding().describe());
    // JDA's REST layer logs a failed login (no network, a rejected token) with its stack trace; the
    // command line says it once, in one line.
    shards.connected(
        Logging.quietDuring(
            "net.dv8tion.jda.api.requests",
            () ->
                DiscordConnection.open(
                    graph, new ReadyLine(cache, loadMillis), new RefusedIntents(context().err()))));
    new CountDownLatch(1).await(); // until a signal: the shutdown hook closes everything and exits
    return ExitCodes.OK;
  }

  /**
   * Refuses to run on a missing table (the embedded store's default one was created on the first
   * run, by the launcher) or on a table of another shape. When DynamoDB cannot be reached, the bot
   * starts anyway: the cache serves lookups from the store per key and keeps loading until it can.
   */
  private static void checkTable(AppComponent graph, String table) {
    List<String> problems;
    try {
      // A missing table propagates as such: the command line says how to create it.
      graph.client().describeTable(request -> request.tableName(table));
      problems = graph.provisioner().verify();
    } catch (StoreUnavailableException | SdkClientException e) {
      LOG.warn("Starting without checking table '{}': {}", table, e.getMessage());
      return;
    } catch (AwsServiceException e) {
      if (e instanceof ResourceNotFoundException) {
        throw e;
      }
      LOG.warn("Starting without checking table '{}': {}", table, e.getMessage());
      return;
    }
    if (!problems.isEmpty()) {
      throw new StoreUnavailableException(
          "table '"
              + table
              + "' is not as botconfig needs it: "
              + String.join("; ", problems)
              + " (botconfig doctor says how to fix it)");
    }
  }

  /**
   * Ends the process when Discord closes the session for good because of the intents (the Message
   * Content intent not enabled in the developer portal) or the token (4004: one the gateway refuses
   * although the REST login took it): JDA would otherwise stop the shard and leave a bot that runs
   * but serves nothing.
   */
  private static final class RefusedIntents implements EventListener {
    private final java.io.PrintWriter err;

    RefusedIntents(java.io.PrintWriter err) {
      this.err = err;
    }

    private void refused(String why) {
      err.println("error: " + why);
      err.flush();
      ShutdownOnSignal.exit(ExitCodes.INVALID);
    }

    @Override
    public void onEvent(GenericEvent event) {
      if (event instanceof ShutdownEvent shutdown) {
        CloseCode code = shutdown.getCloseCode();
        if (code == CloseCode.DISALLOWED_INTENTS || code == CloseCode.INVALID_INTENTS) {
          refused(String.format(INTENTS_REFUSED, code.getCode(), code.getMeaning()));
        } else if (code == CloseCode.AUTHENTICATION_FAILED) {
          refused(Failures.TOKEN_REJECTED);
        }
      }
    }
  }

  /** Logs one line when a shard is ready: what it serves and how long the bot took to get there. */
  private static final class ReadyLine implements EventListener {
    private final ConfigCache cache;
    private final long loadMillis;

    ReadyLine(ConfigCache cache, long loadMillis) {
      this.cache = cache;
      this.loadMillis = loadMillis;
    }

    @Override
    public void onEvent(GenericEvent event) {
      if (event instanceof ReadyEvent ready) {

        JDA.ShardInfo shard = ready.getJDA().getShardInfo();
        LOG.info(
            "botconfig is running as {}: {} guilds, {} tracked channels, configuration loaded in {} ms (shard {} of {})",
            ready.getJDA().getSelfUser().getName(),
            ready.getGuildTotalCount(),
            cache.stats().channels(),
            loadMillis,
            shard.getShardId(),
            shard.getShardTotal());
      }
    }
  }
}

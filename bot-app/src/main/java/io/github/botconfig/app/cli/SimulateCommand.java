package io.github.botconfig.app.cli;

import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.app.simulate.Simulation;
import io.github.botconfig.app.simulate.SimulationOptions;
import io.github.botconfig.app.simulate.SimulationReport;
import io.github.botconfig.app.wiring.AppComponent;
import io.github.botconfig.domain.InvalidConfigException;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code botconfig simulate}: see the bot work without Discord. Synthetic traffic through the real
 * message path (cache, then policy), over a temporary table on the configured DynamoDB, and what it
 * would cost a month.
 */
@Command(
    name = "simulate",
    description = {
      "See the bot work without Discord: synthetic messages through its message path, and what it costs.",
      "The messages go through the cache lookup and the alert policy, with Discord replaced by a counter, over"
          + " a temporary table botconfig-simulate-* on the configured DynamoDB, deleted afterwards. Prints"
          + " throughput, latency, store requests during the run, and the monthly DynamoDB cost at that"
          + " traffic beside the seed's Pattern 3 (one index query per message in an untracked channel)."
    },
    mixinStandardHelpOptions = true)
final class SimulateCommand extends StoreCommand implements Callable<Integer> {
  @Option(
      names = "--messages",
      paramLabel = "N",
      description = "Messages to simulate (default 1000000).")
  int messages = 1_000_000;

  @Option(names = "--guilds", paramLabel = "G", description = "Guilds (default 20, the seed's).")
  int guilds = 20;

  @Option(
      names = "--channels-per-guild",
      paramLabel = "C",
      description = "Tracked channels per guild (default 3).")
  int channelsPerGuild = 3;

  @Option(
      names = "--tracked-percent",
      paramLabel = "P",
      description =
          "Share of messages in tracked channels, in %% (default 1: the seed's 99 %% untracked).")
  double trackedPercent = 1;

  @Option(
      names = "--messages-per-day",
      paramLabel = "D",
      description = "Daily traffic the monthly cost is computed for (default 1000000).")
  long messagesPerDay = 1_000_000;

  @Option(
      names = "--admin-writes-per-day",
      paramLabel = "W",
      description = "Configuration changes a day, for the cost (default 10).")
  double adminWritesPerDay = 10;

  @Option(names = "--json", description = "Print the report as one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    SimulationOptions options;
    try {
      options =
          new SimulationOptions(
              messages,
              guilds,
              channelsPerGuild,
              trackedPercent / 100,
              messagesPerDay,
              adminWritesPerDay,
              context().options().changePollInterval(),
              context().options().refreshInterval());
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
    AppComponent graph = context().graph();
    PrintWriter err = context().err();
    SimulationReport report =
        new Simulation(
                graph.client(),
                graph.metrics(),
                options,
                step -> {
                  err.println("simulate: " + step);
                  err.flush();
                })
            .run();
    if (json) {
      Output.json(context().out(), ConfigJson.mapper().valueToTree(report.figures()));
    } else {
      report.print(context().out());
    }
    return ExitCodes.OK;
  }
}

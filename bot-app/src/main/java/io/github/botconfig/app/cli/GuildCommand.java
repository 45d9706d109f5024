package io.github.botconfig.app.cli;

import io.github.botconfig.domain.GuildId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code botconfig guild …}: whole-guild operations. */
@Command(
    name = "guild",
    description = "Whole-guild operations.",
    mixinStandardHelpOptions = true,
    subcommands = GuildCommand.Purge.class)
final class GuildCommand {

  @Command(
      name = "purge",
      description =
          "Delete everything stored for a guild: its channels, settings and every other item under it.",
      mixinStandardHelpOptions = true)
  static final class Purge extends StoreCommand implements Callable<Integer> {
    @Option(names = "--guild", required = true, paramLabel = "GUILD")
    GuildId guild;

    @Override
    public Integer call() {
      int removed = context().store().deleteGuild(guild);
      context()
          .out()
          .printf("guild %s: %d item%s deleted%n", guild, removed, removed == 1 ? "" : "s");
      return ExitCodes.OK;
    }
  }
}

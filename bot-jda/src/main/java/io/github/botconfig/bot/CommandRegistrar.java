package io.github.botconfig.bot;

import io.github.botconfig.domain.GuildId;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the slash commands when a shard is ready: globally from shard 0 only (global commands
 * are per application, not per shard), or in the development guild from the shard that has it.
 * Thread-safe.
 */
final class CommandRegistrar {
  private static final Logger log = LoggerFactory.getLogger(CommandRegistrar.class);

  private final List<CommandData> commands;
  private final Optional<GuildId> devGuild;

  CommandRegistrar(List<CommandData> commands, Optional<GuildId> devGuild) {
    this.commands = List.copyOf(commands);
    this.devGuild = devGuild;
  }

  void register(JDA jda) {
    if (devGuild.isPresent()) {
      Guild guild = jda.getGuildById(devGuild.get().value());
      if (guild != null) {
        guild
            .updateCommands()
            .addCommands(commands)
            .queue(
                done -> log.info("commands registered in development guild {}", guild.getId()),
                failure ->
                    log.warn(
                        "registering commands in guild {} failed: {}",
                        guild.getId(),
                        failure.toString()));
      }
      return;
    }
    if (jda.getShardInfo().getShardId() == 0) {
      jda.updateCommands()
          .addCommands(commands)
          .queue(
              done -> log.info("{} command(s) registered globally", done.size()),
              failure -> log.warn("registering commands failed: {}", failure.toString()));
    }
  }
}

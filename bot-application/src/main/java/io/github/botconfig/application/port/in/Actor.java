package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.GuildId;

/**
 * Who asks for an admin operation, and the front end's answer to "may this actor configure this
 * guild". The use cases ask it before reading or writing anything of the guild.
 *
 * <p>Implementations must be thread-safe (they are usually immutable).
 */
public interface Actor {

  /** A short description for messages and logs, such as {@code member 42} or {@code operator}. */
  String who();

  /** Whether this actor may see and change the configuration of {@code guildId}. */
  boolean mayConfigure(GuildId guildId);

  /**
   * Whether this actor may see every guild at once (list all tracked channels, show a channel
   * without naming its guild). Only an operator of the whole table may; a Discord member never.
   */
  default boolean mayConfigureEveryGuild() {
    return false;
  }

  /**
   * The operator of the table (the command line): whoever holds the table's credentials can already
   * change any item in it, so every guild is theirs to configure.
   */
  static Actor operator() {
    return Operator.INSTANCE;
  }

  /** The actor {@link #operator()} returns. */
  enum Operator implements Actor {
    INSTANCE;

    @Override
    public String who() {
      return "operator";
    }

    @Override
    public boolean mayConfigure(GuildId guildId) {
      return true;
    }

    @Override
    public boolean mayConfigureEveryGuild() {
      return true;
    }
  }
}

package io.github.botconfig.bot.internal.panel;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildSettings;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What a panel shows next, read from the stored configuration: the model a renderer turns into a
 * message. {@code notice} is the line above it that says what the last click did (empty for none).
 * Immutable and thread-safe.
 */
sealed interface Screen {

  /** A tracked channel with the name Discord shows for it. */
  record Tracked(ChannelConfig config, String name) {}

  /**
   * The server's settings at a glance and its tracked channels, with one line for each channel
   * stored but unreadable (not absent: the panel says so, and tracking it again would overwrite it,
   * which the store refuses).
   */
  record Overview(
      GuildSettings settings, List<Tracked> channels, List<String> unreadable, String notice)
      implements Screen {
    public Overview {
      channels = List.copyOf(channels);
      unreadable = List.copyOf(unreadable);
    }

    Overview(GuildSettings settings, List<Tracked> channels, String notice) {
      this(settings, channels, List.of(), notice);
    }
  }

  /** One tracked channel's options. */
  record Channel(Tracked channel, String notice) implements Screen {}

  /**
   * The server settings, with the time zone's current local time and what keeps the global channel
   * from working.
   */
  record Server(
      GuildSettings settings, ZonedDateTime localNow, List<String> warnings, String notice)
      implements Screen {
    public Server {
      warnings = List.copyOf(warnings);
    }
  }

  /** A step of the first setup. */
  record Setup(Step step, GuildSettings settings, List<Tracked> channels, String notice)
      implements Screen {
    public Setup {
      channels = List.copyOf(channels);
    }
  }

  /** The steps of the first setup, in order. */
  enum Step {
    CHANNELS,
    GLOBAL_CHANNEL,
    SUMMARIES
  }

  /**
   * A form (a Discord modal) for one value, filled in with the current one.
   *
   * @param submit the id its submission carries (its action is the form's)
   * @param current the value stored now, as the admin would type it
   */
  record Form(PanelId submit, String current) implements Screen {}

  /** The end of a flow: only this text, no component. */
  record Closed(String text) implements Screen {}
}

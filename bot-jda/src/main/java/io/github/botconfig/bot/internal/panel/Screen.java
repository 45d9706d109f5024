package io.github.botconfig.bot.internal.panel;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.CustomValues;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SettingKey;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What a panel shows next, read from the stored configuration: the model a renderer turns into a
 * message. {@code notice} is the line above it that says what the last click did (empty for none).
 * Immutable and thread-safe.
 */
sealed interface Screen {

  /**
   * A tracked channel with the name Discord shows for it, and the channel keys the project declares
   * (its view has a button to them when there are any).
   */
  record Tracked(ChannelConfig config, String name, List<SettingKey<?>> declared) {
    public Tracked {
      declared = List.copyOf(declared);
    }

    Tracked(ChannelConfig config, String name) {
      this(config, name, List.of());
    }
  }

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
      GuildSettings settings,
      ZonedDateTime localNow,
      List<String> warnings,
      String notice,
      List<SettingKey<?>> declared)
      implements Screen {
    public Server {
      warnings = List.copyOf(warnings);
      declared = List.copyOf(declared);
    }

    Server(GuildSettings settings, ZonedDateTime localNow, List<String> warnings, String notice) {
      this(settings, localNow, warnings, notice, List.of());
    }
  }

  /**
   * The project's own setting keys of one scope ({@code /config … set}/{@code reset}), each with
   * its stored value or its default: a select of them opens a form for one.
   *
   * @param scope whose keys these are
   * @param target the channel they belong to, 0 for the server's
   * @param version the version of that channel or of the settings
   * @param title what they belong to, as the panel names it
   * @param keys the keys declared for the scope, in the schema's order
   * @param values the values stored for them
   */
  record Declared(
      SettingKey.Scope scope,
      long target,
      long version,
      String title,
      List<SettingKey<?>> keys,
      CustomValues values,
      String notice)
      implements Screen {
    public Declared {
      keys = List.copyOf(keys);
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
   * @param key the declared setting key the form edits, empty for a built-in option
   */
  record Form(PanelId submit, String current, String key) implements Screen {
    Form(PanelId submit, String current) {
      this(submit, current, "");
    }
  }

  /** The end of a flow: only this text, no component. */
  record Closed(String text) implements Screen {}
}

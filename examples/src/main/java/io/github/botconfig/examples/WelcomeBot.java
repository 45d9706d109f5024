package io.github.botconfig.examples;

import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.SettingsSchema;
import io.github.botconfig.domain.UpdateResult;
import java.util.Optional;

/** A bot's own settings: declared once, read from the cache, changed with every guarantee. */
public final class WelcomeBot {
  public enum Language {
    EN,
    FR,
    DE
  }

  // Per guild: where greetings go (none until an admin picks one) and in which language.
  public static final SettingKey<Optional<Long>> WELCOME_CHANNEL =
      SettingKey.guild("welcomeChannel", SettingType.optional(SettingType.snowflake()))
          .help("the channel greetings are posted in")
          .build();
  public static final SettingKey<Language> LANGUAGE =
      SettingKey.guild("language", SettingType.enumOf(Language.class))
          .defaultValue(Language.EN)
          .help("the language of greetings")
          .build();

  // Per tracked channel: seconds between two messages of a member, at most Discord's six hours.
  public static final SettingKey<Long> SLOWMODE_SECONDS =
      SettingKey.channel("slowmodeSeconds", SettingType.integer(0, 21_600))
          .defaultValue(0L)
          .check(seconds -> seconds % 5 == 0, "a multiple of 5")
          .help("slow mode, in seconds (0: off)")
          .build();

  // Give it to the store: DynamoDbConfigStore.builder().client(client).settingsSchema(SCHEMA)
  public static final SettingsSchema SCHEMA =
      SettingsSchema.of(WELCOME_CHANNEL, LANGUAGE, SLOWMODE_SECONDS);

  private final ConfigRepository repository; // a ConfigCache over that store

  public WelcomeBot(ConfigRepository repository) {
    this.repository = repository;
  }

  /** The greeting for a new member, and where to post it; empty when no channel is set. */
  public Optional<String> greeting(GuildId guild, String member) {
    GuildSettings settings = repository.settingsOrDefaults(guild); // memory only, no allocation
    return settings
        .get(WELCOME_CHANNEL)
        .map(
            channel ->
                "<#"
                    + channel
                    + "> "
                    + switch (settings.get(LANGUAGE)) {
                      case EN -> "Welcome, " + member + "!";
                      case FR -> "Bienvenue, " + member + " !";
                      case DE -> "Willkommen, " + member + "!";
                    });
  }

  /** What {@code /welcome channel #general} does: sets the key, writing nothing if it was set. */
  public boolean welcomeIn(GuildId guild, ChannelId channel) {
    UpdateResult<GuildSettings> result =
        repository.updateSettings(
            guild, settings -> settings.with(WELCOME_CHANNEL, Optional.of(channel.value())));
    return result.changed();
  }

  /**
   * What {@code /language fr} does: the key parses the admin's text and refuses it naming the value
   * ({@code language must be one of EN, FR, DE, got 'klingon'}).
   */
  public Language speak(GuildId guild, String language) {
    Language parsed = LANGUAGE.parse(language);
    return repository.updateSettings(guild, s -> s.with(LANGUAGE, parsed)).after().get(LANGUAGE);
  }

  /** Slow mode of a channel: 0 for a channel that is not tracked or never set it. */
  public long slowmode(ChannelId channel) {
    return repository.findChannel(channel).map(c -> c.get(SLOWMODE_SECONDS)).orElse(0L);
  }

  /** Sets a channel's slow mode (tracking the channel if it is not yet). */
  public void slowmode(GuildId guild, ChannelId channel, long seconds) {
    repository.updateChannel(guild, channel, c -> c.with(SLOWMODE_SECONDS, seconds));
  }
}

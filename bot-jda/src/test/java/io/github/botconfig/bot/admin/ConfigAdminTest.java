package io.github.botconfig.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.application.port.in.ChannelChanges;
import io.github.botconfig.application.port.in.OptionalChange;
import io.github.botconfig.application.port.in.SettingsChanges;
import io.github.botconfig.application.service.AdminService;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConfigAdminTest {
  private static final GuildId GUILD = GuildId.of(100);
  private static final GuildId OTHER_GUILD = GuildId.of(200);
  private static final ChannelId CHANNEL = ChannelId.of(11);
  private static final String NOT_ALLOWED = "❌ not allowed (test)";
  private static final Actor OPERATOR = Actor.operator();
  private static final Function<GuildSettings, List<String>> NO_WARNINGS = settings -> List.of();

  private final InstrumentedConfigStore store =
      new InstrumentedConfigStore(new InMemoryConfigStore(MutableClock.startingAt2026()));
  private final ConfigAdmin admin = new ConfigAdmin(new AdminService(store), NOT_ALLOWED);

  @Test
  void setTracksANewChannelWithDefaultsForWhatWasNotGiven() {
    String reply =
        admin.setChannel(
            OPERATOR,
            GUILD,
            CHANNEL,
            changes(Optional.of(true), Optional.empty(), keepTag(), "12.5"));

    assertThat(reply)
        .startsWith("✅ <#11> is now tracked.")
        .contains("image: on", "threshold: 12.5 %");
    ChannelConfig stored = store.findChannel(CHANNEL).orElseThrow();
    assertThat(stored.image()).isTrue();
    assertThat(stored.pin()).isFalse();
    assertThat(stored.threshold()).isEqualTo(Threshold.percent(12.5));
  }

  @Test
  void setKeepsEveryFieldNotGiven() {
    store.saveChannel(
        ChannelConfig.of(GUILD, CHANNEL)
            .withImage(true)
            .withPin(true)
            .withTag(Tag.role(7))
            .withThreshold(Threshold.TAKE_PROFIT));

    admin.setChannel(
        OPERATOR, GUILD, CHANNEL, changes(Optional.empty(), Optional.of(false), keepTag(), null));

    ChannelConfig stored = store.findChannel(CHANNEL).orElseThrow();
    assertThat(stored.pin()).isFalse();
    assertThat(stored.image()).isTrue();
    assertThat(stored.tag()).contains(Tag.role(7));
    assertThat(stored.threshold()).isEqualTo(Threshold.TAKE_PROFIT);
  }

  @Test
  void clearingTheTagAndTheThresholdWorks() {
    store.saveChannel(
        ChannelConfig.of(GUILD, CHANNEL).withTag(Tag.user(5)).withThreshold(Threshold.percent(3)));

    String reply =
        admin.setChannel(
            OPERATOR,
            GUILD,
            CHANNEL,
            changes(Optional.empty(), Optional.empty(), OptionalChange.cleared(), "none"));

    assertThat(reply).startsWith("✅ <#11> updated.").contains("tag: none", "threshold: none");
    ChannelConfig stored = store.findChannel(CHANNEL).orElseThrow();
    assertThat(stored.tag()).isEmpty();
    assertThat(stored.threshold()).isEqualTo(Threshold.NONE);
  }

  @Test
  void aChannelTrackedByAnotherGuildIsNeitherChangedNorShownNorRemoved() {
    ChannelConfig theirs = store.saveChannel(ChannelConfig.of(OTHER_GUILD, CHANNEL).withPin(true));

    assertThat(admin.setChannel(OPERATOR, GUILD, CHANNEL, ChannelChanges.none()))
        .contains("tracked by another server");
    assertThat(admin.showChannel(OPERATOR, GUILD, CHANNEL)).contains("is not tracked");
    assertThat(admin.removeChannel(OPERATOR, GUILD, CHANNEL))
        .contains("not tracked in this server; nothing changed");
    assertThat(store.findChannel(CHANNEL)).contains(theirs);
  }

  @Test
  void aMemberTheUseCasesRefuseGetsTheNotAllowedReplyAndNothingIsRead() {
    Actor stranger =
        new Actor() {
          @Override
          public String who() {
            return "member 9";
          }

          @Override
          public boolean mayConfigure(GuildId guildId) {
            return false;
          }
        };

    assertThat(admin.setChannel(stranger, GUILD, CHANNEL, ChannelChanges.none()))
        .isEqualTo(NOT_ALLOWED);
    assertThat(admin.listChannels(stranger, GUILD)).isEqualTo(NOT_ALLOWED);
    assertThat(store.totalCalls()).isZero();
  }

  @Test
  void settingWhatIsAlreadyStoredSaysNothingToChangeAndWritesNothing() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withPin(true));
    store.resetCounts();

    assertThat(
            admin.setChannel(
                OPERATOR,
                GUILD,
                CHANNEL,
                changes(Optional.empty(), Optional.of(true), keepTag(), null)))
        .startsWith("Nothing to change: <#11> is tracked.");
    assertThat(store.calls(Operation.SAVE_CHANNEL) + store.calls(Operation.REPLACE_CHANNEL))
        .isZero();
  }

  @Test
  void aConflictThatPersistsGetsAReadableReplyAndChangesNothing() {
    ChannelConfig before = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.failWith(
        Operation.REPLACE_CHANNEL,
        () -> new ConfigConflictException(Reason.VERSION_CHANGED, "changed (test)"));

    String reply =
        admin.setChannel(
            OPERATOR,
            GUILD,
            CHANNEL,
            changes(Optional.of(true), Optional.empty(), keepTag(), null));

    assertThat(reply).startsWith("❌ Someone else changed this configuration");
    assertThat(store.delegate().findChannel(CHANNEL)).contains(before);
  }

  @Test
  void aStoreOutageGetsAReadableReplyAndChangesNothing() {
    ChannelConfig before = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.goDown();

    assertThat(
            admin.setChannel(
                OPERATOR,
                GUILD,
                CHANNEL,
                changes(Optional.of(true), Optional.empty(), keepTag(), null)))
        .startsWith("❌ The configuration store cannot be reached right now.");
    assertThat(admin.listChannels(OPERATOR, GUILD))
        .startsWith("❌ The configuration store cannot be reached");
    store.heal();
    assertThat(store.findChannel(CHANNEL)).contains(before);
  }

  @Test
  void removeUntracksAndListShowsWhatIsLeft() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.saveChannel(
        ChannelConfig.of(GUILD, ChannelId.of(12)).withThreshold(Threshold.ANY_TRIGGER));

    assertThat(admin.removeChannel(OPERATOR, GUILD, CHANNEL))
        .isEqualTo("✅ <#11> is no longer tracked.");
    assertThat(admin.listChannels(OPERATOR, GUILD))
        .isEqualTo(
            "**Tracked channels (1)**\n• <#12> — image off, pin off, notify on, tag none, threshold TP/SL");
    assertThat(admin.listChannels(OPERATOR, OTHER_GUILD))
        .startsWith("No channel is tracked in this server.");
  }

  @Test
  void aLongListIsCutToOneDiscordMessage() {
    for (int i = 1; i <= 60; i++) {
      store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(1_000_000_000_000_000L + i)));
    }

    String list = admin.listChannels(OPERATOR, GUILD);

    assertThat(list.length()).isLessThanOrEqualTo(ConfigText.MAX_MESSAGE_LENGTH);
    assertThat(list).startsWith("**Tracked channels (60)**").containsPattern("… and \\d+ more$");
  }

  @Test
  void guildSetChangesWhatWasGivenAndClearsTheGlobalChannel() {
    store.saveSettings(
        GuildSettings.defaults(GUILD)
            .withGlobalChannelId(ChannelId.of(99))
            .withPositionDisplayEnabled(false));
    SettingsChanges changes =
        new SettingsChanges(
            Optional.of(ZoneId.of("Europe/Paris")),
            Optional.empty(),
            Optional.empty(),
            Optional.of(true),
            Optional.empty(),
            Tags.change("summary-tag", OptionalLong.empty(), OptionalLong.of(8), false),
            Optional.empty(),
            OptionalChange.of("global-channel", Optional.empty(), true));

    String reply = admin.setSettings(OPERATOR, GUILD, changes, NO_WARNINGS);

    assertThat(reply)
        .startsWith("✅ Server settings updated.")
        .contains("timezone: Europe/Paris", "global channel: none");
    GuildSettings stored = store.findSettings(GUILD).orElseThrow();
    assertThat(stored.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(stored.positionDisplayEnabled()).isFalse();
    assertThat(stored.summaryPreferences().weeklySummary()).isTrue();
    assertThat(stored.summaryPreferences().tag()).contains(Tag.role(8));
    assertThat(stored.globalChannelId()).isEmpty();
  }

  @Test
  void guildSetWithNothingGivenWritesNothing() {
    assertThat(admin.setSettings(OPERATOR, GUILD, SettingsChanges.none(), NO_WARNINGS))
        .startsWith("Nothing to change");
    assertThat(store.calls(Operation.SAVE_SETTINGS) + store.calls(Operation.REPLACE_SETTINGS))
        .isZero();
  }

  @Test
  void guildShowGivesTheDefaultsOfAGuildThatStoredNothing() {
    assertThat(admin.showSettings(OPERATOR, GUILD, NO_WARNINGS))
        .isEqualTo(
            "**Server settings**\ntimezone: UTC\nlive board: on\nsummaries: daily off · weekly off · monthly off"
                + "\nsummary tag: none\nsummary pin: off\nglobal channel: none");
  }

  @Test
  void guildShowAndSetEndWithWhatIsWrongWithTheSettingsTheyLeave() {
    Function<GuildSettings, List<String>> warnings =
        settings ->
            settings.summaryPreferences().dailySummary() && settings.globalChannelId().isEmpty()
                ? List.of("⚠️ Summaries are not posted: no global channel is set.")
                : List.of();

    assertThat(admin.showSettings(OPERATOR, GUILD, warnings)).doesNotContain("⚠️");
    String set =
        admin.setSettings(
            OPERATOR,
            GUILD,
            new SettingsChanges(
                Optional.empty(),
                Optional.empty(),
                Optional.of(true),
                Optional.empty(),
                Optional.empty(),
                OptionalChange.keep(),
                Optional.empty(),
                OptionalChange.keep()),
            warnings);

    assertThat(set)
        .startsWith("✅ Server settings updated.")
        .endsWith("\n⚠️ Summaries are not posted: no global channel is set.");
    assertThat(admin.showSettings(OPERATOR, GUILD, warnings))
        .endsWith("global channel: none\n⚠️ Summaries are not posted: no global channel is set.");
  }

  @Test
  void aTagIsOneUserOrOneRoleAndCannotBeClearedAndSetAtOnce() {
    assertThatThrownBy(() -> Tags.change("tag", OptionalLong.of(1), OptionalLong.of(2), false))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "give either 'tag-user' or 'tag-role', not both: a tag mentions one user or one role");
    assertThatThrownBy(() -> Tags.change("tag", OptionalLong.of(1), OptionalLong.empty(), true))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("'clear-tag', not both");
    assertThatThrownBy(
            () -> OptionalChange.of("global-channel", Optional.of(ChannelId.of(3)), true))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("give either 'global-channel' or 'clear-global-channel', not both");
  }

  @Test
  void anInvalidInputReplyNamesTheValue() {
    InvalidConfigException e = assertThrowsInvalid(() -> Threshold.parse("12%"));
    assertThat(ConfigAdmin.failure(e)).startsWith("❌ threshold must be").contains("'12%'");
  }

  @Test
  void timezoneSuggestionsPutNamesStartingWithTheTextFirst() {
    assertThat(TimezoneSuggestions.suggest("paris")).containsExactly("Europe/Paris");
    assertThat(TimezoneSuggestions.suggest("new york")).containsExactly("America/New_York");
    assertThat(TimezoneSuggestions.suggest("eur"))
        .hasSize(TimezoneSuggestions.MAX)
        .allMatch(z -> z.startsWith("Europe/"));
    assertThat(TimezoneSuggestions.suggest("")).hasSize(TimezoneSuggestions.MAX);
    assertThat(TimezoneSuggestions.suggest("utc")).startsWith("UTC");
    assertThat(TimezoneSuggestions.suggest("no such zone")).isEmpty();
  }

  private static InvalidConfigException assertThrowsInvalid(Runnable action) {
    try {
      action.run();
    } catch (InvalidConfigException e) {
      return e;
    }
    throw new AssertionError("expected an InvalidConfigException");
  }

  private static OptionalChange<Tag> keepTag() {
    return OptionalChange.keep();
  }

  private static ChannelChanges changes(
      Optional<Boolean> image, Optional<Boolean> pin, OptionalChange<Tag> tag, String threshold) {
    return new ChannelChanges(
        image,
        pin,
        Optional.empty(),
        tag,
        Optional.ofNullable(threshold).map(Threshold::parse),
        Optional.empty());
  }
}

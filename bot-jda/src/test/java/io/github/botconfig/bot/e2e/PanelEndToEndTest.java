package io.github.botconfig.bot.e2e;

import static io.github.botconfig.bot.e2e.BotHarness.ADMIN;
import static io.github.botconfig.bot.e2e.BotHarness.ADMIN_ROLE;
import static io.github.botconfig.bot.e2e.BotHarness.CHATTER;
import static io.github.botconfig.bot.e2e.BotHarness.GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.MEMBER;
import static io.github.botconfig.bot.e2e.BotHarness.OTHER_GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.OTHER_REPORTS;
import static io.github.botconfig.bot.e2e.BotHarness.QUIET;
import static io.github.botconfig.bot.e2e.BotHarness.REPORTS;
import static io.github.botconfig.bot.e2e.BotHarness.TRADERS_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.testing.ComponentUse;
import io.github.botconfig.bot.testing.PanelReply;
import io.github.botconfig.bot.testing.RestCall;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Gate;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.When;
import java.time.Duration;
import java.time.ZoneId;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /config panel} through the real JDA: buttons, selects and forms, and their safety. */
class PanelEndToEndTest extends EndToEndTest {
  private static final long SECOND_ADMIN = 1_100_000_000_000_000_032L;
  private static final int PRIMARY = 1;
  private static final int SECONDARY = 2;
  private static final int SUCCESS = 3;

  @BeforeEach
  void start() throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults()).connect();
  }

  private PanelReply open(long user) {
    return bot.discord.awaitPanelReply(
        bot.discord.slashCommand("config", GUILD, CHATTER, user).subcommand("panel").send());
  }

  private ComponentUse use(long user, String customId) {
    return bot.discord.component(GUILD, CHATTER, user, customId);
  }

  private PanelReply click(long user, PanelReply panel, String label) {
    return bot.discord.awaitPanelReply(use(user, panel.buttonId(label)).click());
  }

  private ChannelConfig stored(long channel) {
    return bot.store.delegate().findChannel(ChannelId.of(channel)).orElseThrow();
  }

  private PanelReply channelPanel(long user, long channel) {
    PanelReply overview = open(user);
    return bot.discord.awaitPanelReply(
        use(user, overview.selectId("Open a tracked channel…"))
            .selectStrings(Long.toUnsignedString(channel)));
  }

  private void track(long channel) {
    bot.repository().saveChannel(ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(channel)));
  }

  @Test
  void theFirstSetupTakesANewServerToATrackedChannelAndAGlobalChannel() {
    PanelReply setup = open(ADMIN);
    assertThat(setup.ephemeral()).isTrue();
    assertThat(setup.content()).startsWith("**👋 First setup**");

    PanelReply step2 =
        bot.discord.awaitPanelReply(
            use(ADMIN, setup.selectId("Channels to track…")).selectChannels(REPORTS, QUIET));
    assertThat(step2.content()).contains("✅ Tracking 2 channels").contains("2 of 3");
    PanelReply step3 =
        bot.discord.awaitPanelReply(
            use(ADMIN, step2.selectId("Global channel…")).selectChannels(REPORTS));
    assertThat(step3.content()).contains("3 of 3").contains("Local time in UTC");
    PanelReply daily = click(ADMIN, step3, "Daily: off");
    assertThat(daily.button("Daily: on").getInt("style")).isEqualTo(SUCCESS);
    PanelReply done = click(ADMIN, daily, "Finish");

    assertThat(done.content()).contains("**Tracked channels (2)**").contains("<#" + REPORTS + ">");
    GuildSettings settings = bot.store.delegate().findSettings(GuildId.of(GUILD)).orElseThrow();
    assertThat(settings.globalChannelId()).contains(ChannelId.of(REPORTS));
    assertThat(settings.summaryPreferences().dailySummary()).isTrue();
    assertThat(stored(QUIET).guildId()).isEqualTo(GuildId.of(GUILD));
  }

  @Test
  void everyChannelOptionIsChangedFromThePanelWhichShowsWhatIsStored() {
    // A configured server with no channel yet: the overview, not the first setup.
    bot.repository().saveSettings(GuildSettings.defaults(GuildId.of(GUILD)));
    PanelReply overview = open(ADMIN);
    PanelReply added =
        bot.discord.awaitPanelReply(
            use(ADMIN, overview.selectId("Track a channel…")).selectChannels(REPORTS));
    assertThat(added.content()).contains("is now tracked");

    PanelReply pinned = click(ADMIN, added, "Pin: off");
    assertThat(pinned.button("Pin: on").getInt("style")).isEqualTo(SUCCESS);
    PanelReply imaged = click(ADMIN, pinned, "Image: off");
    PanelReply quiet = click(ADMIN, imaged, "Answer reports: on");
    PanelReply everyone = click(ADMIN, quiet, "Reports: webhooks only");
    assertThat(everyone.button("Reports: everyone").getInt("style")).isEqualTo(PRIMARY);
    assertThat(everyone.content()).contains("Reports from: **everyone: webhooks and members**");
    assertThat(stored(REPORTS).reporters()).isEqualTo(Reporters.EVERYONE);
    PanelReply tp = click(ADMIN, everyone, "TP only");
    assertThat(tp.button("TP only").getInt("style")).isEqualTo(PRIMARY);
    assertThat(tp.button("SL only").getInt("style")).isEqualTo(SECONDARY);
    assertThat(stored(REPORTS).threshold()).isEqualTo(Threshold.TAKE_PROFIT);
    PanelReply role =
        bot.discord.awaitPanelReply(
            use(ADMIN, tp.selectId("Mention a role…")).selectRoles(TRADERS_ROLE));
    assertThat(stored(REPORTS).tag()).contains(Tag.role(TRADERS_ROLE));
    PanelReply user =
        bot.discord.awaitPanelReply(
            use(ADMIN, role.selectId("Mention a member…")).selectUsers(MEMBER));
    assertThat(stored(REPORTS).tag()).contains(Tag.user(MEMBER));
    PanelReply nobody = click(ADMIN, user, "Mention nobody");
    assertThat(stored(REPORTS).tag()).isEmpty();

    PanelReply form = click(ADMIN, nobody, "Percentage…");
    assertThat(form.isForm()).isTrue();
    assertThat(form.formValue()).isEmpty();
    PanelReply bad =
        bot.discord.awaitPanelReply(use(ADMIN, form.formId()).submitForm("value", "lots"));
    assertThat(bad.content()).contains("❌ threshold must be").contains("'lots'");
    assertThat(stored(REPORTS).threshold()).isEqualTo(Threshold.TAKE_PROFIT);
    PanelReply percent =
        bot.discord.awaitPanelReply(use(ADMIN, form.formId()).submitForm("value", "12.5"));
    assertThat(percent.content()).contains("Threshold: **12.5 %**");
    PanelReply filled = click(ADMIN, percent, "12.5 % …");
    assertThat(filled.formValue()).contains("12.5");

    ChannelConfig stored = stored(REPORTS);
    assertThat(stored.pin()).isTrue();
    assertThat(stored.image()).isTrue();
    assertThat(stored.notifyOnClose()).isFalse();
    assertThat(stored.threshold()).isEqualTo(Threshold.percent(12.5));

    PanelReply removed = click(ADMIN, percent, "Stop tracking");
    assertThat(removed.content()).contains("is no longer tracked");
    assertThat(bot.store.delegate().findChannel(ChannelId.of(REPORTS))).isEmpty();
  }

  @Test
  void aDeclaredKeyIsPickedEditedInItsFormStoredAndARefusedValueSaysWhy() throws Exception {
    bot.close();
    bot =
        BotHarness.withTwoGuilds(
                BotOptions.defaults().withSettingsSchema(CustomSettingsEndToEndTest.SCHEMA))
            .connect();
    track(REPORTS);
    PanelReply server = click(ADMIN, open(ADMIN), "Server settings");
    PanelReply declared = click(ADMIN, server, "Declared settings…");
    assertThat(declared.content())
        .contains("warningsKept: `10` (default)")
        .doesNotContain("slowmodeSeconds");

    PanelReply form =
        bot.discord.awaitPanelReply(
            use(ADMIN, declared.selectId("Declared settings…")).selectStrings("warningsKept"));
    assertThat(form.isForm()).isTrue();
    assertThat(form.formValue()).as("empty while the default applies").isEmpty();
    String input =
        form.components().stream()
            .filter(c -> c.getInt("type") == 4)
            .findFirst()
            .orElseThrow()
            .getString("custom_id");
    PanelReply refused =
        bot.discord.awaitPanelReply(use(ADMIN, form.formId()).submitForm(input, "51"));
    assertThat(refused.content()).contains("51").contains("nothing changed");
    assertThat(bot.store.delegate().findSettings(GuildId.of(GUILD))).isEmpty();

    PanelReply saved =
        bot.discord.awaitPanelReply(use(ADMIN, form.formId()).submitForm(input, "3"));
    assertThat(saved.content())
        .contains("✅ warningsKept set to `3`.")
        .contains("warningsKept: `3`");
    GuildSettings stored = bot.store.delegate().findSettings(GuildId.of(GUILD)).orElseThrow();
    assertThat(stored.get(CustomSettingsEndToEndTest.WARNINGS_KEPT)).isEqualTo(3L);
    assertThat(stored.timezone()).isEqualTo(ZoneId.of("UTC"));

    PanelReply channel = channelPanel(ADMIN, REPORTS);
    PanelReply channelKeys = click(ADMIN, channel, "Declared settings…");
    assertThat(channelKeys.content()).contains("slowmodeSeconds: `0` (default)");
  }

  @Test
  void everyServerSettingIsChangedFromThePanel() {
    track(REPORTS);
    PanelReply server = click(ADMIN, open(ADMIN), "Server settings");
    assertThat(server.content()).contains("Local time in UTC");

    PanelReply global =
        bot.discord.awaitPanelReply(
            use(ADMIN, server.selectId("Global channel (summaries, live board)…"))
                .selectChannels(QUIET));
    PanelReply weekly = click(ADMIN, global, "Weekly: off");
    PanelReply board = click(ADMIN, weekly, "Live board: on");
    PanelReply pin = click(ADMIN, board, "Pin summaries: off");
    PanelReply tag =
        bot.discord.awaitPanelReply(
            use(ADMIN, pin.selectId("Summaries mention a role…")).selectRoles(TRADERS_ROLE));
    PanelReply form = click(ADMIN, tag, "Time zone…");
    assertThat(form.formValue()).contains("UTC");
    PanelReply bad =
        bot.discord.awaitPanelReply(use(ADMIN, form.formId()).submitForm("value", "Mars/Olympus"));
    assertThat(bad.content()).contains("Mars/Olympus").contains("nothing changed");
    PanelReply paris =
        bot.discord.awaitPanelReply(use(ADMIN, form.formId()).submitForm("value", "Europe/Paris"));
    assertThat(paris.content()).contains("Local time in Europe/Paris");

    GuildSettings stored = bot.store.delegate().findSettings(GuildId.of(GUILD)).orElseThrow();
    assertThat(stored.globalChannelId()).contains(ChannelId.of(QUIET));
    assertThat(stored.summaryPreferences().weeklySummary()).isTrue();
    assertThat(stored.summaryPreferences().pin()).isTrue();
    assertThat(stored.summaryPreferences().tag()).contains(Tag.role(TRADERS_ROLE));
    assertThat(stored.positionDisplayEnabled()).isFalse();
    assertThat(stored.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));

    PanelReply cleared = click(ADMIN, paris, "No global channel");
    assertThat(cleared.button("No global channel").getBoolean("disabled")).isTrue();
    assertThat(bot.store.delegate().findSettings(GuildId.of(GUILD)).orElseThrow().globalChannelId())
        .isEmpty();
  }

  @Test
  void aMemberWithoutManageServerGetsNoPanelAndTheirClicksChangeNothing() {
    track(REPORTS);
    PanelReply adminPanel = channelPanel(ADMIN, REPORTS);
    bot.store.resetCounts();

    PanelReply refused = open(MEMBER);
    PanelReply click = click(MEMBER, adminPanel, "Pin: off");

    assertThat(refused.content()).contains("You need the **Manage Server** permission");
    assertThat(refused.ephemeral()).isTrue();
    assertThat(click.content()).contains("You need the **Manage Server** permission");
    assertThat(click.components()).isEmpty();
    assertThat(bot.store.calls(Operation.REPLACE_CHANNEL)).isZero();
    assertThat(stored(REPORTS).pin()).isFalse();
  }

  @Test
  void anAdminWhoLostManageServerMidFlowIsToldAndTheirPanelCloses() {
    track(REPORTS);
    PanelReply panel = channelPanel(ADMIN, REPORTS);
    bot.discord.guild(GUILD).memberRoles(ADMIN);

    PanelReply click = click(ADMIN, panel, "Pin: off");

    assertThat(click.content()).contains("You need the **Manage Server** permission");
    assertThat(click.components()).isEmpty();
    assertThat(stored(REPORTS).pin()).isFalse();
  }

  @Test
  void aForgedCustomIdTouchingAnotherServerIsRefusedAndLogged() {
    ChannelConfig theirs =
        bot.repository()
            .saveChannel(ChannelConfig.of(GuildId.of(OTHER_GUILD), ChannelId.of(OTHER_REPORTS)));
    track(REPORTS);
    PanelReply panel = channelPanel(ADMIN, REPORTS);
    String pinOn = panel.buttonId("Pin: off");
    String forged = pinOn.replace(":" + REPORTS + ":", ":" + OTHER_REPORTS + ":");

    PanelReply refused = bot.discord.awaitPanelReply(use(ADMIN, forged).click());
    PanelReply garbled = bot.discord.awaitPanelReply(use(ADMIN, "cfgp:cp:1:nonsense").click());
    PanelReply foreignSelect =
        bot.discord.awaitPanelReply(
            use(ADMIN, open(ADMIN).selectId("Track a channel…")).selectChannels(OTHER_REPORTS));

    assertThat(refused.content()).contains("That is not part of this server; nothing changed.");
    assertThat(garbled.content()).contains("That is not part of this server; nothing changed.");
    assertThat(foreignSelect.content())
        .contains("That is not part of this server; nothing changed.");
    assertThat(bot.store.delegate().findChannel(ChannelId.of(OTHER_REPORTS))).contains(theirs);
    assertThat(errors.warnings())
        .anySatisfy(
            w -> assertThat(w).contains("refused panel click").contains("tracked by another guild"))
        .anySatisfy(w -> assertThat(w).contains("unreadable custom id 'cfgp:cp:1:nonsense'"));
  }

  @Test
  void twoAdminsOnOnePanelTheStaleOneAppliesItsClickToWhatIsStoredAndShowsIt() {
    bot.discord.guild(GUILD).member(SECOND_ADMIN, "carol", ADMIN_ROLE);
    track(REPORTS);
    PanelReply alice = channelPanel(ADMIN, REPORTS);
    PanelReply carol = channelPanel(SECOND_ADMIN, REPORTS);

    click(ADMIN, alice, "Pin: off");
    PanelReply carolsImage = click(SECOND_ADMIN, carol, "Image: off");
    PanelReply carolsPin = click(SECOND_ADMIN, carol, "Pin: off");

    assertThat(carolsImage.content())
        .contains("changed elsewhere since the panel was drawn")
        .contains("pin when the threshold is met: **on**");
    assertThat(carolsImage.button("Pin: on").getInt("style")).isEqualTo(SUCCESS);
    assertThat(carolsPin.content()).contains("Pin turned on");
    ChannelConfig stored = stored(REPORTS);
    assertThat(stored.pin()).isTrue();
    assertThat(stored.image()).isTrue();
  }

  @Test
  void aChannelTrackedByAnotherServerBetweenThePanelsCheckAndItsWriteIsRefusedByTheStore() {
    bot.repository().saveSettings(GuildSettings.defaults(GuildId.of(GUILD)));
    PanelReply overview = open(ADMIN);
    Gate write = bot.store.blockNext(Operation.SAVE_CHANNEL, When.BEFORE);

    String token = use(ADMIN, overview.selectId("Track a channel…")).selectChannels(REPORTS);
    write.awaitArrival(); // the use case found the channel untracked and is about to create it
    ChannelConfig theirs =
        bot.store
            .delegate()
            .saveChannel(ChannelConfig.of(GuildId.of(OTHER_GUILD), ChannelId.of(REPORTS)));
    write.open();
    PanelReply refused = bot.discord.awaitPanelReply(token);

    assertThat(refused.content())
        .contains("<#" + REPORTS + "> is tracked by another server")
        .contains("Nothing changed.")
        .contains("**Tracked channels (0)**");
    assertThat(bot.store.delegate().findChannel(ChannelId.of(REPORTS))).contains(theirs);
    assertThat(bot.store.calls(Operation.SAVE_CHANNEL)).isEqualTo(1);
  }

  @Test
  void aWriteLandingBetweenThePanelsReadAndItsWriteIsNeverOverwritten() {
    track(REPORTS);
    PanelReply panel = channelPanel(ADMIN, REPORTS);
    Gate write = bot.store.blockNext(Operation.REPLACE_CHANNEL, When.BEFORE);

    String token = use(ADMIN, panel.buttonId("Pin: off")).click();
    write.awaitArrival(); // the use case read version 1 and is about to write pin on over it
    ChannelConfig read = stored(REPORTS);
    ChannelConfig theirs = bot.store.delegate().replaceChannel(read, read.withImage(true));
    write.open();
    PanelReply answer = bot.discord.awaitPanelReply(token);

    assertThat(answer.content()).contains("Someone else changed this at the same moment");
    assertThat(stored(REPORTS)).as("the other write is kept whole").isEqualTo(theirs);
  }

  @Test
  void aSettingsPanelDrawnBeforeACommandChangedTheSettingsAppliesItsClickToWhatIsStored() {
    track(REPORTS);
    PanelReply server = click(ADMIN, open(ADMIN), "Server settings");
    String weekly =
        bot.discord
            .slashCommand("config", GUILD, CHATTER, ADMIN)
            .subcommand("settings", "set")
            .option("weekly", true)
            .send();
    assertThat(bot.discord.awaitInteractionReply(weekly).content()).contains("weekly on");

    PanelReply daily = click(ADMIN, server, "Daily: off");

    assertThat(daily.content()).contains("changed elsewhere since the panel was drawn");
    assertThat(daily.button("Weekly: on").getInt("style")).isEqualTo(SUCCESS);
    GuildSettings stored = bot.store.delegate().findSettings(GuildId.of(GUILD)).orElseThrow();
    assertThat(stored.summaryPreferences().weeklySummary()).isTrue();
    assertThat(stored.summaryPreferences().dailySummary()).isTrue();
  }

  @Test
  void aPanelOlderThanFifteenMinutesAnswersWithAFreshOne() {
    track(REPORTS);
    PanelReply panel = channelPanel(ADMIN, REPORTS);
    bot.clock.advance(Duration.ofMinutes(16));

    PanelReply fresh = click(ADMIN, panel, "Pin: off");
    assertThat(fresh.content()).contains("more than 15 minutes old");
    assertThat(stored(REPORTS).pin()).isFalse();
    PanelReply again = click(ADMIN, fresh, "Pin: off");
    assertThat(again.content()).contains("Pin turned on");
    assertThat(stored(REPORTS).pin()).isTrue();
  }

  @Test
  void aChannelDeletedWhileItsPanelIsOpenEndsTheFlow() {
    track(QUIET);
    PanelReply panel = channelPanel(ADMIN, QUIET);
    bot.discord.deleteChannel(QUIET);
    bot.probe.await(net.dv8tion.jda.api.events.channel.ChannelDeleteEvent.class, e -> true);

    PanelReply closed = click(ADMIN, panel, "Pin: off");

    assertThat(closed.content()).contains("is not a channel of this server (any more)");
    assertThat(closed.components()).isEmpty();
  }

  @Test
  void aServerThatAddsTheBotIsWelcomedWithAButtonThatOpensTheSetupForWhoeverMayConfigureIt() {
    long newGuild = 1_300_000_000_000_000_000L;
    long general = 1_300_000_000_000_000_010L;
    long admins = 1_300_000_000_000_000_020L;
    long owner = 1_300_000_000_000_000_030L;
    bot.discord
        .guild(newGuild, "Brand new")
        .textChannel(general, "general")
        .systemChannel(general)
        .role(admins, "admins", Permission.MANAGE_SERVER)
        .member(owner, "dana", admins)
        .member(MEMBER, "bob");

    bot.discord.addBot(newGuild);

    RestCall welcome = bot.discord.awaitRestCall("POST", "channels/" + general + "/messages");
    assertThat(welcome.body().getString("content")).contains("`/config panel`");
    String start =
        welcome
            .body()
            .getArray("components")
            .getObject(0)
            .getArray("components")
            .getObject(0)
            .getString("custom_id");
    PanelReply refused =
        bot.discord.awaitPanelReply(
            bot.discord.component(newGuild, general, MEMBER, start).click());
    PanelReply setup =
        bot.discord.awaitPanelReply(bot.discord.component(newGuild, general, owner, start).click());

    assertThat(refused.content()).contains("You need the **Manage Server** permission");
    assertThat(refused.ephemeral()).isTrue();
    assertThat(setup.callbackType()).as("a new message, the welcome stays").isEqualTo(4);
    assertThat(setup.ephemeral()).isTrue();
    assertThat(setup.content()).startsWith("**👋 First setup**");
  }

  @Test
  void aServerThatAddsTheBotBackWithItsConfigurationGetsNoWelcome() {
    track(REPORTS);
    bot.discord.guild(GUILD).systemChannel(CHATTER);
    bot.discord.removeBot(GUILD);
    bot.probe.await(GuildLeaveEvent.class, e -> true);

    bot.discord.addBot(GUILD);
    bot.probe.await(GuildJoinEvent.class, e -> true);
    // A later answer of the bot: a welcome queued on the join would have gone out before it.
    assertThat(open(ADMIN).content()).startsWith("**⚙️ Bot settings**");

    assertThat(bot.discord.restCalls())
        .noneMatch(c -> c.is("POST", "channels/" + CHATTER + "/messages"));
  }

  @Test
  void theTopLevelConfigPanelCommandOpensThePanelForServerManagersOnly() {
    track(REPORTS);

    PanelReply panel =
        bot.discord.awaitPanelReply(
            bot.discord.slashCommand("config-panel", GUILD, CHATTER, ADMIN).send());
    PanelReply refused =
        bot.discord.awaitPanelReply(
            bot.discord.slashCommand("config-panel", GUILD, CHATTER, MEMBER).send());

    assertThat(panel.ephemeral()).isTrue();
    assertThat(panel.content()).startsWith("**⚙️ Bot settings**").contains("<#" + REPORTS + ">");
    assertThat(refused.content()).contains("You need the **Manage Server** permission");
    assertThat(refused.components()).isEmpty();
  }

  @Test
  void theSlashSubcommandsStillAnswerAsBefore() {
    String token =
        bot.discord
            .slashCommand("config", GUILD, CHATTER, ADMIN)
            .subcommand("channel", "list")
            .send();

    assertThat(bot.discord.awaitInteractionReply(token).content())
        .startsWith("No channel is tracked");
  }
}

package io.github.botconfig.bot.internal.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.internal.panel.PanelId.Action;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu.SelectTarget;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.modals.Modal;
import org.junit.jupiter.api.Test;

class PanelRendererTest {
  private static final GuildId GUILD = GuildId.of(10);
  private static final ChannelId REPORTS = ChannelId.of(11);
  private static final long DRAWN = Instant.parse("2026-03-01T12:00:00Z").getEpochSecond();

  private static ChannelConfig channel() {
    return ChannelConfig.of(GUILD, REPORTS).withVersion(4);
  }

  private static List<ActionRowChildComponent> components(PanelView view) {
    List<ActionRowChildComponent> all = new ArrayList<>();
    view.rows().forEach(r -> all.addAll(r.getComponents()));
    return all;
  }

  private static Button button(PanelView view, String label) {
    return components(view).stream()
        .filter(c -> c instanceof Button b && b.getLabel().equals(label))
        .map(Button.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + view.rows()));
  }

  private static PanelId idOf(Button button) {
    return PanelId.parse(button.getCustomId()).orElseThrow();
  }

  private static PanelView channelView(ChannelConfig config) {
    return PanelRenderer.channel(
        new Screen.Channel(new Screen.Tracked(config, "#reports"), ""), DRAWN);
  }

  @Test
  void aToggleShowsItsStateAndSetsTheOtherOne() {
    PanelView view = channelView(channel().withPin(true));

    Button pin = button(view, "Pin: on");
    Button image = button(view, "Image: off");
    assertThat(pin.getStyle()).isEqualTo(ButtonStyle.SUCCESS);
    assertThat(idOf(pin)).isEqualTo(new PanelId(Action.PIN, "0", REPORTS.value(), 4, DRAWN));
    assertThat(image.getStyle()).isEqualTo(ButtonStyle.SECONDARY);
    assertThat(idOf(image).arg()).isEqualTo("1");
    assertThat(view.content()).contains("pin when the threshold is met: **on**");
  }

  @Test
  void theActiveThresholdIsBlueAndAPercentageLabelsItsButton() {
    PanelView tp = channelView(channel().withThreshold(Threshold.TAKE_PROFIT));
    PanelView percent = channelView(channel().withThreshold(Threshold.percent(12.5)));

    assertThat(button(tp, "TP only").getStyle()).isEqualTo(ButtonStyle.PRIMARY);
    assertThat(button(tp, "SL only").getStyle()).isEqualTo(ButtonStyle.SECONDARY);
    assertThat(button(tp, "Percentage…").getStyle()).isEqualTo(ButtonStyle.SECONDARY);
    assertThat(idOf(button(tp, "TP + SL")).arg()).isEqualTo("TP/SL");
    assertThat(button(percent, "12.5 % …").getStyle()).isEqualTo(ButtonStyle.PRIMARY);
    assertThat(button(percent, "Every report").getStyle()).isEqualTo(ButtonStyle.SECONDARY);
  }

  @Test
  void theTagMenusShowTheCurrentTagAndMentionNobodyIsOffWithoutOne() {
    PanelView tagged = channelView(channel().withTag(Tag.role(77)));
    PanelView untagged = channelView(channel());

    EntitySelectMenu roles =
        components(tagged).stream()
            .filter(
                c ->
                    c instanceof EntitySelectMenu m
                        && m.getEntityTypes().contains(SelectTarget.ROLE))
            .map(EntitySelectMenu.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(roles.getDefaultValues()).extracting(v -> v.getIdLong()).containsExactly(77L);
    assertThat(button(tagged, "Mention nobody").isDisabled()).isFalse();
    assertThat(button(untagged, "Mention nobody").isDisabled()).isTrue();
    assertThat(tagged.content()).contains("mention: <@&77>");
  }

  @Test
  void everyPanelFitsDiscordsLimitsAndItsCustomIdsAreUnique() {
    List<Screen.Tracked> many =
        IntStream.range(0, 40)
            .mapToObj(
                i ->
                    new Screen.Tracked(
                        ChannelConfig.of(GUILD, ChannelId.of(100 + i)), "#channel-" + i))
            .toList();
    GuildSettings settings = GuildSettings.defaults(GUILD);
    List<PanelView> views =
        List.of(
            PanelRenderer.overview(new Screen.Overview(settings, many, ""), DRAWN),
            PanelRenderer.overview(new Screen.Overview(settings, List.of(), ""), DRAWN),
            channelView(channel()),
            PanelRenderer.server(
                new Screen.Server(
                    settings, Instant.ofEpochSecond(DRAWN).atZone(ZoneId.of("UTC")), List.of(), ""),
                DRAWN),
            PanelRenderer.setup(
                new Screen.Setup(Screen.Step.CHANNELS, settings, List.of(), ""), DRAWN),
            PanelRenderer.setup(
                new Screen.Setup(Screen.Step.GLOBAL_CHANNEL, settings, List.of(), ""), DRAWN),
            PanelRenderer.setup(
                new Screen.Setup(Screen.Step.SUMMARIES, settings, List.of(), ""), DRAWN));

    for (PanelView view : views) {
      assertThat(view.content()).hasSizeLessThanOrEqualTo(PanelRenderer.MAX_CONTENT);
      assertThat(view.rows()).hasSizeBetween(1, 5);
      for (ActionRow row : view.rows()) {
        assertThat(row.getComponents()).hasSizeBetween(1, 5);
      }
      List<String> ids =
          components(view).stream()
              .map(c -> ((net.dv8tion.jda.api.components.attribute.ICustomId) c).getCustomId())
              .toList();
      assertThat(ids)
          .doesNotHaveDuplicates()
          .allSatisfy(id -> assertThat(PanelId.parse(id)).isPresent());
    }
    PanelView overview = views.get(0);
    assertThat(overview.content()).contains("**Tracked channels (40)**").contains(" more");
    StringSelectMenu open = (StringSelectMenu) overview.rows().get(1).getComponents().get(0);
    assertThat(open.getOptions()).hasSize(PanelRenderer.MAX_OPTIONS);
  }

  @Test
  void theServerPanelShowsTheLocalTimeTheSettingsAndTheWarnings() {
    GuildSettings settings =
        GuildSettings.defaults(GUILD)
            .withTimezone(ZoneId.of("Europe/Paris"))
            .withGlobalChannelId(REPORTS)
            .withSummaryPreferences(SummaryPreferences.none().withWeeklySummary(true))
            .withVersion(3);

    PanelView view =
        PanelRenderer.server(
            new Screen.Server(
                settings,
                Instant.ofEpochSecond(DRAWN).atZone(ZoneId.of("Europe/Paris")),
                List.of("⚠️ Summaries are not posted: …"),
                "✅ Weekly summary turned on."),
            DRAWN);

    assertThat(view.content())
        .startsWith("**⚙️ Server settings**\n✅ Weekly summary turned on.\n")
        .contains("Local time in Europe/Paris: **Sun 1 Mar, 13:00**")
        .contains("weekly **on**")
        .contains("global channel: <#11>")
        .endsWith("⚠️ Summaries are not posted: …");
    assertThat(button(view, "Weekly: on").getStyle()).isEqualTo(ButtonStyle.SUCCESS);
    assertThat(idOf(button(view, "Weekly: on")))
        .isEqualTo(new PanelId(Action.WEEKLY, "0", 0, 3, DRAWN));
    assertThat(button(view, "No global channel").isDisabled()).isFalse();
    EntitySelectMenu global = (EntitySelectMenu) view.rows().get(0).getComponents().get(0);
    assertThat(global.getDefaultValues()).extracting(v -> v.getIdLong()).containsExactly(11L);
  }

  @Test
  void aFormIsFilledInWithTheCurrentValueAndCarriesTheDrawnVersion() {
    PanelId submit = PanelId.of(Action.PERCENT_SUBMIT, REPORTS.value(), 4, 0);

    Modal modal = PanelForms.render(new Screen.Form(submit, "12.5"), DRAWN);

    assertThat(PanelId.parse(modal.getId())).contains(submit.withDrawnAt(DRAWN));
    TextInput input =
        modal
            .getComponentTree()
            .find(TextInput.class, t -> t.getCustomId().equals(PanelForms.VALUE))
            .orElseThrow();
    assertThat(input.getValue()).isEqualTo("12.5");
  }

  @Test
  void declaredKeysArePickedFromASelectOfAtMostTwentyFiveAndTheirFormCarriesTheKeyName() {
    List<SettingKey<?>> keys = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      keys.add(
          SettingKey.guild("k" + i + "x".repeat(60), SettingType.bool()).help("help " + i).build());
    }
    GuildSettings settings = GuildSettings.defaults(GUILD).withVersion(Long.MAX_VALUE);
    PanelView server =
        PanelRenderer.server(
            new Screen.Server(
                settings, Instant.EPOCH.atZone(ZoneId.of("UTC")), List.of(), "", keys),
            DRAWN);
    assertThat(idOf(button(server, PanelRenderer.DECLARED_BUTTON)).action())
        .isEqualTo(Action.SERVER_KEYS);
    assertThat(components(server)).hasSizeLessThanOrEqualTo(25);

    PanelView view =
        PanelRenderer.declared(
            new Screen.Declared(
                SettingKey.Scope.GUILD,
                0,
                Long.MAX_VALUE,
                "Server settings",
                keys,
                settings.custom(),
                ""),
            DRAWN);
    StringSelectMenu menu = (StringSelectMenu) components(view).get(0);
    assertThat(menu.getOptions()).hasSize(25);
    assertThat(menu.getOptions().get(0).getValue()).isEqualTo(keys.get(0).name());
    assertThat(menu.getOptions().get(0).getDescription()).isEqualTo("help 0");
    assertThat(menu.getCustomId().length()).isLessThanOrEqualTo(100);
    assertThat(view.content()).contains("(default)").contains("Only the first 25");

    PanelId submit =
        PanelId.parse(menu.getCustomId()).orElseThrow().withAction(Action.SERVER_KEY_SUBMIT);
    Modal modal = PanelForms.render(new Screen.Form(submit, "", keys.get(29).name()), DRAWN);
    assertThat(modal.getId().length()).isLessThanOrEqualTo(100);
    assertThat(modal.getTitle().length()).isLessThanOrEqualTo(45);
  }
}

package io.github.botconfig.bot.internal.panel;

import io.github.botconfig.bot.internal.panel.PanelId.Action;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/**
 * Turns a {@link Screen.Form} into a Discord modal of one text input, filled in with the current
 * value. Stateless and thread-safe.
 */
final class PanelForms {
  /** The custom id of the text input: what the listener reads on submit. */
  static final String VALUE = "value";

  private PanelForms() {}

  static Modal render(Screen.Form form, long drawnAt) {
    PanelId submit = form.submit().withDrawnAt(drawnAt);
    boolean percent = submit.action() == Action.PERCENT_SUBMIT;
    TextInput.Builder input =
        TextInput.create(VALUE, TextInputStyle.SHORT)
            .setRequired(true)
            .setMaxLength(40)
            .setPlaceholder(percent ? "12.5" : "Europe/Paris");
    if (!form.current().isEmpty()) {
      input.setValue(form.current());
    }
    return Modal.create(submit.encode(), percent ? "Percentage threshold" : "Time zone")
        .addComponents(
            Label.of(
                percent ? "Alert when the change is at least (%)" : "IANA time zone",
                percent
                    ? "A number such as 12.5 (the absolute change, in percent); none for every report"
                    : "Such as Europe/Paris, America/New_York or UTC",
                input.build()))
        .build();
  }
}

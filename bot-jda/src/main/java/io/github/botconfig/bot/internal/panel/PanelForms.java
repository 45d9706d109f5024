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

  /**
   * The start of the custom id of a declared key's text input, followed by the key's name (at most
   * 64 characters, within Discord's 100): the form's own id has no room for it.
   */
  static final String KEY_PREFIX = "k:";

  private PanelForms() {}

  static Modal render(Screen.Form form, long drawnAt) {
    PanelId submit = form.submit().withDrawnAt(drawnAt);
    if (!form.key().isEmpty()) {
      return declaredKey(form, submit);
    }
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

  /**
   * A declared key's form: its stored value, or empty when its default applies; submitted empty, it
   * resets the key.
   */
  private static Modal declaredKey(Screen.Form form, PanelId submit) {
    TextInput.Builder input =
        TextInput.create(KEY_PREFIX + form.key(), TextInputStyle.SHORT)
            .setRequired(false)
            .setMaxLength(1000)
            .setPlaceholder("Empty: back to the default");
    if (!form.current().isEmpty()) {
      input.setValue(form.current().length() > 1000 ? "" : form.current());
    }
    return Modal.create(submit.encode(), cut("Setting " + form.key(), 45))
        .addComponents(
            Label.of(
                cut(form.key(), 45),
                "The value, as /config … set: KEY=VALUE takes it; empty for the default",
                input.build()))
        .build();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}

package io.github.botconfig.bot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * What the bot answered to a command, a component or a form, with the components it drew: a new
 * message (callback type 4), an update of the message the component was on (7, or 6 then an edit),
 * or a form (9).
 *
 * @param callbackType the interaction callback type of the first answer
 * @param data the message (or form) as sent: content, components, flags, custom id, title
 */
public record PanelReply(int callbackType, DataObject data) {

  /** The message's text. */
  public String content() {
    return data.getString("content", "");
  }

  /** Whether only the user sees it (a new message with the ephemeral flag). */
  public boolean ephemeral() {
    return (data.getInt("flags", 0) & 64) != 0;
  }

  /** Whether the answer is a form (a modal) rather than a message. */
  public boolean isForm() {
    return callbackType == 9;
  }

  /** Every component of the message (or form), depth first, rows and labels left out. */
  public List<DataObject> components() {
    List<DataObject> all = new ArrayList<>();
    collect(data.optArray("components").orElseGet(DataArray::empty), all);
    return all;
  }

  /** The button with this label; fails the test when there is none. */
  public DataObject button(String label) {
    return components().stream()
        .filter(c -> c.getInt("type") == 2 && label.equals(c.getString("label", "")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + data));
  }

  /** The select menu (or text input) with this placeholder; fails the test when there is none. */
  public DataObject withPlaceholder(String placeholder) {
    return components().stream()
        .filter(c -> placeholder.equals(c.getString("placeholder", "")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no component '" + placeholder + "' in " + data));
  }

  /** The custom id of the button with this label. */
  public String buttonId(String label) {
    return button(label).getString("custom_id");
  }

  /** The custom id of the select menu with this placeholder. */
  public String selectId(String placeholder) {
    return withPlaceholder(placeholder).getString("custom_id");
  }

  /** The form's custom id, and its text input's current value (empty when none is filled in). */
  public String formId() {
    return data.getString("custom_id");
  }

  public Optional<String> formValue() {
    return components().stream()
        .filter(c -> c.getInt("type") == 4)
        .findFirst()
        .flatMap(c -> Optional.ofNullable(c.getString("value", null)));
  }

  private static void collect(DataArray array, List<DataObject> into) {
    for (int i = 0; i < array.length(); i++) {
      DataObject component = array.getObject(i);
      int type = component.getInt("type");
      if (type == 1) {
        collect(component.optArray("components").orElseGet(DataArray::empty), into);
      } else if (type == 18) {
        into.add(component.getObject("component"));
      } else {
        into.add(component);
      }
    }
  }
}

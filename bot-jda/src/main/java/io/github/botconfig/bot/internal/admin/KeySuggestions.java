package io.github.botconfig.bot.internal.admin;

import io.github.botconfig.domain.SettingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The declared setting keys offered while an admin types {@code set} or {@code reset}: the names
 * containing what was typed, those starting with it first, each labelled with the key's help.
 *
 * <p>Stateless and thread-safe.
 */
public final class KeySuggestions {
  /** Discord shows at most 25 choices, each name and value at most 100 characters. */
  static final int MAX = 25;

  static final int MAX_LENGTH = 100;

  /**
   * One choice: what Discord shows, and what it fills in.
   *
   * @param label the key's name and help, cut to Discord's length
   * @param value {@code KEY=} for {@code set} (the admin types the value after it), {@code KEY} for
   *     {@code reset}
   */
  public record Choice(String label, String value) {}

  private KeySuggestions() {}

  /**
   * Up to {@value #MAX} keys matching {@code typed} (any case). Once the admin typed {@code =} the
   * value is theirs: nothing is suggested, and Discord sends what they typed.
   *
   * @param assignment {@code set} ({@code KEY=}) rather than {@code reset} ({@code KEY})
   */
  public static List<Choice> suggest(List<SettingKey<?>> keys, String typed, boolean assignment) {
    if (assignment && typed.contains("=")) {
      return List.of();
    }
    String needle = typed.strip().toLowerCase(Locale.ROOT);
    List<Choice> starting = new ArrayList<>();
    List<Choice> containing = new ArrayList<>();
    for (SettingKey<?> key : keys) {
      String lower = key.name().toLowerCase(Locale.ROOT);
      if (!lower.contains(needle)) {
        continue;
      }
      String value = assignment ? key.name() + "=" : key.name();
      String label = key.help().isEmpty() ? value : value + " — " + key.help();
      Choice choice = new Choice(cut(label), value);
      (lower.startsWith(needle) ? starting : containing).add(choice);
    }
    starting.addAll(containing);
    return List.copyOf(starting.subList(0, Math.min(MAX, starting.size())));
  }

  private static String cut(String text) {
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }
}

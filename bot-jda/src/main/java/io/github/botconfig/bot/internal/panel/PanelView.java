package io.github.botconfig.bot.internal.panel;

import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;

/**
 * A panel as Discord shows it: the message's text and its rows of components (at most 5). Immutable
 * and thread-safe.
 */
record PanelView(String content, List<ActionRow> rows) {
  PanelView {
    rows = List.copyOf(rows);
  }
}

package io.github.botconfig.bot.internal.panel;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a panel component asks for, as written in its custom id: {@code
 * cfgp:<action>:<arg>:<target>:<version>:<drawn>}. The target is a channel id (0 for none), the
 * version that of the item the panel showed, and {@code drawn} when the panel was drawn (epoch
 * seconds).
 *
 * <p>Nothing here is trusted: anyone can send any custom id. The guild comes from the interaction,
 * the target is checked against that guild, and the version only tells whether the panel was stale.
 * Immutable and thread-safe.
 *
 * @param action what the component does
 * @param arg the value the component sets ({@code 1}/{@code 0} for a toggle, a threshold, {@code
 *     webhooks}/{@code everyone}), or {@value #NO_ARG}
 * @param target the channel the component acts on, 0 for none
 * @param version the version of the channel or settings the panel showed
 * @param drawnAt when the panel was drawn, in epoch seconds
 */
record PanelId(Action action, String arg, long target, long version, long drawnAt) {
  static final String PREFIX = "cfgp";
  static final String NO_ARG = "-";
  private static final Pattern ARG = Pattern.compile("[A-Za-z0-9/.-]{1,8}");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,20}");

  /** The components of the panels, each with a short code of its own. */
  enum Action {
    OVERVIEW("o"),
    SERVER("s"),
    OPEN("co"),
    ADD("ca"),
    REMOVE_PICKED("cr"),
    IMAGE("ci"),
    PIN("cp"),
    NOTIFY("cn"),
    /** Whose messages count as reports; its argument is what a click sets. */
    REPORTERS("ce"),
    THRESHOLD("ct"),
    PERCENT_FORM("cf"),
    PERCENT_SUBMIT("cs"),
    TAG_USER("cu"),
    TAG_ROLE("cg"),
    TAG_CLEAR("cx"),
    UNTRACK("cd"),
    /** A channel's declared setting keys; then a select of them, then one key's form. */
    CHANNEL_KEYS("ck"),
    CHANNEL_KEY_FORM("cy"),
    CHANNEL_KEY_SUBMIT("cz"),
    GLOBAL("sg"),
    GLOBAL_CLEAR("sc"),
    BOARD("sb"),
    DAILY("sd"),
    WEEKLY("sw"),
    MONTHLY("sm"),
    SUMMARY_PIN("sp"),
    /** The server's declared setting keys; then a select of them, then one key's form. */
    SERVER_KEYS("sk"),
    SERVER_KEY_FORM("sy"),
    SERVER_KEY_SUBMIT("sz"),
    TIMEZONE_FORM("sf"),
    TIMEZONE_SUBMIT("ss"),
    SUMMARY_USER("su"),
    SUMMARY_ROLE("sr"),
    SUMMARY_CLEAR("sx"),
    SETUP_TRACK("wt"),
    SETUP_GLOBAL("wg"),
    SETUP_SUMMARIES("ws"),
    SETUP_FINISH("wf"),
    /** The button of the welcome message a server gets when it adds the bot: opens a panel. */
    START("st");

    final String code;

    Action(String code) {
      this.code = code;
    }

    /** Whether the component belongs to a channel's view (its target is that channel). */
    boolean onChannel() {
      return code.startsWith("c") && this != ADD && this != OPEN && this != REMOVE_PICKED;
    }

    /** Whether the component belongs to the server view. */
    boolean onServer() {
      return code.startsWith("s") && code.length() == 2;
    }

    /** Whether the component answers with a form (a modal) rather than a new panel. */
    boolean opensForm() {
      return this == PERCENT_FORM
          || this == TIMEZONE_FORM
          || this == SERVER_KEY_FORM
          || this == CHANNEL_KEY_FORM;
    }

    static Optional<Action> ofCode(String code) {
      return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
  }

  PanelId {
    if (!ARG.matcher(arg).matches()) {
      throw new IllegalArgumentException(
          "a panel id argument is 1 to 8 of [A-Za-z0-9/.-], got '" + arg + "'");
    }
  }

  static PanelId of(Action action, long target, long version, long drawnAt) {
    return new PanelId(action, NO_ARG, target, version, drawnAt);
  }

  PanelId withArg(String value) {
    return new PanelId(action, value, target, version, drawnAt);
  }

  PanelId withDrawnAt(long value) {
    return new PanelId(action, arg, target, version, value);
  }

  PanelId withAction(Action value) {
    return new PanelId(value, arg, target, version, drawnAt);
  }

  /** The custom id: at most 70 characters, well under Discord's 100. */
  String encode() {
    return PREFIX
        + ":"
        + action.code
        + ":"
        + arg
        + ":"
        + Long.toUnsignedString(target)
        + ":"
        + version
        + ":"
        + drawnAt;
  }

  /** Whether a custom id is one of the panels' (well-formed or not). */
  static boolean isPanel(String customId) {
    return customId.startsWith(PREFIX + ":");
  }

  /** Reads a custom id; empty when it is not one this class wrote. */
  static Optional<PanelId> parse(String customId) {
    String[] parts = customId.split(":", -1);
    if (parts.length != 6
        || !parts[0].equals(PREFIX)
        || !ARG.matcher(parts[2]).matches()
        || !NUMBER.matcher(parts[3]).matches()
        || !NUMBER.matcher(parts[4]).matches()
        || !NUMBER.matcher(parts[5]).matches()) {
      return Optional.empty();
    }
    try {
      long target = Long.parseUnsignedLong(parts[3]);
      long version = Long.parseLong(parts[4]);
      long drawn = Long.parseLong(parts[5]);
      return Action.ofCode(parts[1]).map(a -> new PanelId(a, parts[2], target, version, drawn));
    } catch (NumberFormatException e) {
      return Optional.empty(); // more than 64 bits
    }
  }
}

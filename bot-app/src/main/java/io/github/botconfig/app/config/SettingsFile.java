package io.github.botconfig.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A settings file: {@code VARIABLE=value} lines, as systemd's {@code EnvironmentFile} and docker's
 * {@code --env-file} read them, so one file serves the service manager and botconfig alike. Blank
 * lines and {@code #} comments are skipped, an {@code export } prefix is allowed, and a value may
 * be quoted with {@code '} or {@code "}. Names that are not settings are refused (a typo would
 * otherwise be silently ignored); values are never echoed for the token.
 */
final class SettingsFile {
  static final SettingsFile NONE = new SettingsFile(null, Map.of(), Map.of(), List.of(), List.of());
  private static final Pattern LINE =
      Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*");

  private final @Nullable Path path;
  private final Map<Setting, String> values;
  private final Map<Setting, Integer> lines;
  private final List<String> problems;
  private final List<String> warnings;

  private SettingsFile(
      @Nullable Path path,
      Map<Setting, String> values,
      Map<Setting, Integer> lines,
      List<String> problems,
      List<String> warnings) {
    this.path = path;
    this.values = values;
    this.lines = lines;
    this.problems = problems;
    this.warnings = warnings;
  }

  /**
   * Reads {@code path}.
   *
   * @throws IllegalArgumentException when the file cannot be read, saying why
   */
  static SettingsFile read(Path path) {
    List<String> text;
    try {
      text = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("names no file: " + path);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot be read: " + path + " (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, Setting> byVariable = new HashMap<>();
    for (Setting setting : Setting.values()) {
      byVariable.put(setting.variable(), setting);
    }
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    Map<Setting, Integer> lines = new EnumMap<>(Setting.class);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i);
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      String where = path + " line " + (i + 1);
      Matcher matcher = LINE.matcher(line);
      if (!matcher.matches()) {
        problems.add(where + " is not VARIABLE=value");
        continue;
      }
      Setting setting = byVariable.get(matcher.group(1));
      if (setting == null || setting == Setting.SETTINGS_FILE) {
        problems.add(
            where
                + ": "
                + matcher.group(1)
                + " is not a botconfig setting (docs/configuration.md lists them)");
        continue;
      }
      values.put(setting, unquote(matcher.group(2)));
      lines.put(setting, i + 1);
    }
    List<String> warnings = new ArrayList<>();
    if (values.containsKey(Setting.DISCORD_TOKEN) && othersCanRead(path)) {
      warnings.add(
          "settings file "
              + path
              + " holds the token and other users can read it: chmod 600 "
              + path);
    }
    return new SettingsFile(path, values, lines, problems, warnings);
  }

  Optional<String> value(Setting setting) {
    String value = values.get(setting);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** Names where a setting was read: "VARIABLE (FILE line N)". */
  String describe(Setting setting) {
    return setting.variable() + " (" + path + " line " + lines.get(setting) + ")";
  }

  List<String> problems() {
    return problems;
  }

  List<String> warnings() {
    return warnings;
  }

  private static String unquote(String value) {
    boolean doubleQuoted = value.startsWith("\"") && value.endsWith("\"");
    boolean singleQuoted = value.startsWith("'") && value.endsWith("'");
    if (value.length() >= 2 && (doubleQuoted || singleQuoted)) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static boolean othersCanRead(Path path) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      return permissions.contains(PosixFilePermission.OTHERS_READ)
          || permissions.contains(PosixFilePermission.GROUP_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}

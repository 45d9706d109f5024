package io.github.botconfig.app.launch;

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
 * A options file: {@code VARIABLE=value} lines, as systemd's {@code EnvironmentFile} and docker's
 * {@code --env-file} read them, so one file serves the service manager and botconfig alike. Blank
 * lines and {@code #} comments are skipped, an {@code export } prefix is allowed, and a value may
 * be quoted with {@code '} or {@code "}. Names that are not options are refused (a typo would
 * otherwise be silently ignored); values are never echoed for the token.
 */
final class LaunchOptionsFile {
  static final LaunchOptionsFile NONE =
      new LaunchOptionsFile(null, Map.of(), Map.of(), List.of(), List.of());
  private static final Pattern LINE =
      Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*");

  private final @Nullable Path path;
  private final Map<LaunchOption, String> values;
  private final Map<LaunchOption, Integer> lines;
  private final List<String> problems;
  private final List<String> warnings;

  private LaunchOptionsFile(
      @Nullable Path path,
      Map<LaunchOption, String> values,
      Map<LaunchOption, Integer> lines,
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
  static LaunchOptionsFile read(Path path) {
    List<String> text;
    try {
      text = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("names no file: " + path);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot be read: " + path + " (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, LaunchOption> byVariable = new HashMap<>();
    for (LaunchOption setting : LaunchOption.values()) {
      byVariable.put(setting.variable(), setting);
    }
    Map<LaunchOption, String> values = new EnumMap<>(LaunchOption.class);
    Map<LaunchOption, Integer> lines = new EnumMap<>(LaunchOption.class);
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
      LaunchOption setting = byVariable.get(matcher.group(1));
      if (setting == null || setting == LaunchOption.SETTINGS_FILE) {
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
    if (values.containsKey(LaunchOption.DISCORD_TOKEN) && othersCanRead(path)) {
      warnings.add(
          "options file "
              + path
              + " holds the token and other users can read it: chmod 600 "
              + path);
    }
    return new LaunchOptionsFile(path, values, lines, problems, warnings);
  }

  Optional<String> value(LaunchOption setting) {
    String value = values.get(setting);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** Names where a setting was read: "VARIABLE (FILE line N)". */
  String describe(LaunchOption setting) {
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

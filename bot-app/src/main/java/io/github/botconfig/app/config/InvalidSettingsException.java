package io.github.botconfig.app.config;

import java.util.List;

/**
 * The settings are wrong; {@link #problems()} has one readable line per problem, each naming the
 * setting.
 */
public final class InvalidSettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  InvalidSettingsException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}

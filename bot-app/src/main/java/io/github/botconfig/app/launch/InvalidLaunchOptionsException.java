package io.github.botconfig.app.launch;

import java.util.List;

/**
 * The options are wrong; {@link #problems()} has one readable line per problem, each naming the
 * setting.
 */
public final class InvalidLaunchOptionsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  InvalidLaunchOptionsException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}

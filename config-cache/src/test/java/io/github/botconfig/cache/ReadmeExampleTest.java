package io.github.botconfig.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example in README.md is this test's code, character for character, and it runs. */
class ReadmeExampleTest {
  private static final String START = "// README example start";
  private static final String END = "// README example end";

  @Test
  void theReadmeExampleRunsAndWritesThrough() {
    ConfigStore store = new InMemoryConfigStore();

    // README example start
    try (ConfigCache cache =
        ConfigCache.builder(store) // any ConfigStore
            .changePollInterval(Duration.ofSeconds(5)) // see other processes' writes within ~5 s
            .listener(
                new CacheListener() {
                  @Override
                  public void onStatusChanged(CacheStatus previous, CacheStatus current) {
                    System.out.println("config cache is " + current.state());
                  }
                })
            .build()) {
      cache.start(); // one full load, waits up to 30 s

      ChannelId channel = ChannelId.of("1180586500000000001");
      if (cache.findChannel(channel).isEmpty()) { // every message: memory only
        cache.saveChannel(
            ChannelConfig.of(GuildId.of("1180586412434817024"), channel).withPin(true));
      }
      System.out.println(
          "pin: " + cache.findChannel(channel).orElseThrow().pin()); // written through: true
    }
    // README example end

    assertThat(store.findChannel(ChannelId.of("1180586500000000001")))
        .hasValueSatisfying(c -> assertThat(c.pin()).isTrue());
  }

  @Test
  void theReadmeShowsExactlyTheCodeThatRuns() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block =
        Pattern.compile("ReadmeExampleTest[^\\n]*\\n```java\\n(.*?)```", Pattern.DOTALL)
            .matcher(readme);
    assertThat(block.find())
        .as("a ```java block right after the line naming ReadmeExampleTest")
        .isTrue();

    List<String> source =
        Files.readAllLines(
            Path.of("src/test/java/io/github/botconfig/cache/ReadmeExampleTest.java"));
    int start = markerLine(source, START);
    String tested = String.join("\n", source.subList(start + 1, markerLine(source, END)));

    assertThat(unindent(block.group(1))).isEqualTo(unindent(tested));
  }

  private static int markerLine(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("no line '" + marker + "' in ReadmeExampleTest.java");
  }

  /** The lines without blank ones at either end, shifted left by their common indentation. */
  private static String unindent(String text) {
    List<String> lines =
        text.strip().isEmpty()
            ? List.of()
            : text.stripTrailing().lines().dropWhile(String::isBlank).toList();
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return String.join(
        "\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
  }
}

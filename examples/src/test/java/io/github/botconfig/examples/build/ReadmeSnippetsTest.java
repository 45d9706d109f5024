package io.github.botconfig.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every code block of a README marked {@code <!-- compiled: PATH -->} is the file at PATH,
 * character for character; and every example file is shown by some README. So what a reader copies
 * is what this module compiles and runs (and what the consumer test builds against the staged
 * repository).
 */
class ReadmeSnippetsTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> READMES =
      List.of(
          "README.md",
          "config-domain/README.md",
          "config-cache/README.md",
          "config-dynamodb/README.md",
          "config-dynamodb-testing/README.md",
          "examples/README.md");
  private static final Pattern MARKED =
      Pattern.compile(
          "<!-- compiled: (\\S+) [^\\n]*-->\\n```(?:java|xml)\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyMarkedBlockIsTheFileItNames() throws IOException {
    List<String> differences = new ArrayList<>();
    for (Snippet snippet : snippets()) {
      Path file = ROOT.resolve(snippet.path());
      if (!Files.isRegularFile(file)) {
        differences.add(snippet.readme() + " shows " + snippet.path() + ", which does not exist");
      } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(snippet.code())) {
        differences.add(
            snippet.readme()
                + " shows a block that differs from "
                + snippet.path()
                + ": copy the file into the README (or the README into the file)");
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void everyExampleIsShownInAReadme() throws IOException {
    Set<String> shown =
        snippets().stream().map(Snippet::path).collect(Collectors.toCollection(TreeSet::new));
    Set<String> examples = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("examples/src/main"))) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          // The package's null rule, not an example.
          .filter(f -> !f.endsWith("package-info.java"))
          .map(f -> ROOT.relativize(f).toString())
          .forEach(examples::add);
    }
    // The tests that are examples themselves (PinChannelTest only checks PinChannel).
    examples.add("examples/src/test/java/io/github/botconfig/examples/AuditedConfigStoreTest.java");
    examples.add("examples/src/test/java/io/github/botconfig/examples/StoreOnLocalDynamoDbIT.java");
    examples.add("examples/consumer/pom.xml");

    assertThat(shown).containsAll(examples);
    assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
  }

  private static List<Snippet> snippets() throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    for (String readme : READMES) {
      Path path = ROOT.resolve(readme);
      if (!Files.exists(path)) {
        continue;
      }
      Matcher block = MARKED.matcher(Files.readString(path, StandardCharsets.UTF_8));
      while (block.find()) {
        snippets.add(new Snippet(readme, block.group(1), block.group(2)));
      }
    }
    return snippets;
  }

  private record Snippet(String readme, String path, String code) {}
}

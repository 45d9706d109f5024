package io.github.botconfig.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * NullAway checks only {@code @NullMarked} code (the parent POM's {@code OnlyNullMarked}): a
 * package without the annotation would compile unchecked, in silence. So every directory of Java
 * sources of every module (main, test and benchmark sources) is in a null-marked package: its own
 * {@code package-info.java}, or that of the same package in the module's main sources.
 */
class EveryPackageIsNullMarkedTest {
  private static final List<String> SOURCE_ROOTS =
      List.of("src/main/java", "src/test/java", "src/jmh/java");

  @Test
  void everyPackageOfEveryModuleIsNullMarked() throws IOException {
    Set<String> unmarked = new TreeSet<>();
    int packages = 0;
    try (Stream<Path> files = Files.walk(ReadmeSnippetsTest.ROOT)) {
      for (Path dir :
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !isOutsideTheSources(f))
              .map(Path::getParent)
              .distinct()
              .toList()) {
        packages++;
        if (!nullMarked(dir) && !nullMarked(mainCounterpart(dir))) {
          unmarked.add(ReadmeSnippetsTest.ROOT.relativize(dir).toString());
        }
      }
    }
    assertThat(unmarked)
        .as("packages without @NullMarked (add a package-info.java as the others have)")
        .isEmpty();
    assertThat(packages).as("packages found under " + ReadmeSnippetsTest.ROOT).isGreaterThan(20);
  }

  private static boolean isOutsideTheSources(Path file) {
    String path = ReadmeSnippetsTest.ROOT.relativize(file).toString();
    return path.contains("/target/")
        || path.contains("node_modules")
        || path.startsWith("tools/")
        || SOURCE_ROOTS.stream().noneMatch(path::contains);
  }

  private static Path mainCounterpart(Path dir) {
    String path = dir.toString();
    for (String root : SOURCE_ROOTS) {
      path = path.replace("/" + root + "/", "/src/main/java/");
    }
    return Path.of(path);
  }

  private static boolean nullMarked(Path dir) {
    Path info = dir.resolve("package-info.java");
    try {
      return Files.isRegularFile(info)
          && Files.readString(info, StandardCharsets.UTF_8).contains("@NullMarked");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

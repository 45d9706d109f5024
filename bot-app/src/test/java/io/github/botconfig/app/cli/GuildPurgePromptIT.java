package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code guild purge} on a terminal lists what will go and asks; only a yes deletes. The command
 * runs as its own process on a pseudo-terminal ({@code script -qec}, util-linux), as an operator
 * types at it: the test waits for the question, then answers it.
 */
class GuildPurgePromptIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final GuildId GUILD = GuildId.of(1);
  private static final String QUESTION = "Delete them? [y/N]";
  private CliTable table;

  @BeforeEach
  void aGuildWithTwoChannelsAndSettings() {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/script")),
        "script (util-linux) is needed to give the command a terminal: this test is skipped");
    table = new CliTable(DYNAMODB);
    table.store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(10)));
    table.store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(11)));
    table.store.saveSettings(GuildSettings.defaults(GUILD));
  }

  @Test
  void answeringNoOnTheTerminalDeletesNothing() throws Exception {
    String screen = purgeAnswering("n");

    assertThat(screen)
        .contains("3 items of guild 1 (CHANNEL#10, CHANNEL#11, SETTINGS). " + QUESTION)
        .contains("nothing deleted")
        .doesNotContain("items deleted");
    assertThat(table.store.findChannels(GUILD)).hasSize(2);
    assertThat(table.store.findSettings(GUILD)).isPresent();
  }

  @Test
  void answeringYesOnTheTerminalDeletesEverythingOfTheGuild() throws Exception {
    String screen = purgeAnswering("yes");

    assertThat(screen).contains(QUESTION).contains("guild 1: 3 items deleted");
    assertThat(table.store.findChannels(GUILD)).isEmpty();
    assertThat(table.store.findSettings(GUILD)).isEmpty();
  }

  /** Runs {@code guild purge --guild 1} on a terminal, types {@code answer} at its question. */
  private String purgeAnswering(String answer) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add("io.github.botconfig.app.Main");
    command.addAll(List.of("guild", "purge", "--guild", GUILD.toString()));
    String shellCommand =
        command.stream().map(GuildPurgePromptIT::quoted).collect(Collectors.joining(" "));
    ProcessBuilder builder =
        new ProcessBuilder("/usr/bin/script", "-qec", shellCommand, "/dev/null")
            .redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    environment.put("TERM", "dumb");
    environment.putAll(table.environment);
    Process process = builder.start();
    Screen screen = new Screen(process.getInputStream());
    try (OutputStream keyboard = process.getOutputStream()) {
      screen.await(QUESTION, process);
      keyboard.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      assertThat(process.waitFor(60, TimeUnit.SECONDS))
          .as("the purge ends after the answer; screen:\n%s", screen.text())
          .isTrue();
    } finally {
      process.destroyForcibly();
    }
    screen.reader.join(5_000);
    assertThat(process.exitValue()).as("exit status; screen:\n%s", screen.text()).isZero();
    return screen.text();
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** What the terminal shows, read as it comes. */
  private static final class Screen {
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final Thread reader;

    Screen(InputStream terminal) {
      reader =
          new Thread(
              () -> {
                byte[] buffer = new byte[4096];
                try {
                  for (int n; (n = terminal.read(buffer)) != -1; ) {
                    synchronized (shown) {
                      shown.write(buffer, 0, n);
                      shown.notifyAll();
                    }
                  }
                } catch (IOException e) {
                  // The terminal closed.
                }
              },
              "purge-terminal");
      reader.setDaemon(true);
      reader.start();
    }

    String text() {
      synchronized (shown) {
        return shown.toString(StandardCharsets.UTF_8);
      }
    }

    void await(String wanted, Process process) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      synchronized (shown) {
        while (!text().contains(wanted)) {
          long left = deadline - System.nanoTime();
          if (left <= 0 || !process.isAlive()) {
            throw new AssertionError("no question on the terminal; it shows:\n" + text());
          }
          TimeUnit.NANOSECONDS.timedWait(shown, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
      }
    }
  }
}

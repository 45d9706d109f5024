package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --out} on a machine other users share (issue 21, finding 4; issue 16's file cases):
 * the backup is its owner's alone, written whole or not at all, never through a link, and a path
 * that cannot be written is one line naming it and why, with nothing left behind.
 */
class BackupFilesIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  @TempDir Path dir;
  private CliTable table;

  @BeforeEach
  void aTableWithOneChannel() {
    table = new CliTable(DYNAMODB);
    table.store.saveChannel(ChannelConfig.of(GuildId.of(1), ChannelId.of(10)));
  }

  private Stream<Path> filesIn(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(Path::getFileName).toList().stream();
    }
  }

  @Test
  void aBackupIsReadableByItsOwnerOnly() throws Exception {
    Path out = dir.resolve("backup.json");

    CliRun run = table.run("export", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-------");
    assertThat(filesIn(dir)).containsExactly(Path.of("backup.json"));
  }

  @Test
  void aPlantedPartialLinkIsNeverWrittenThrough() throws Exception {
    Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
    Path out = dir.resolve("backup.json");
    Files.createSymbolicLink(dir.resolve("backup.json.partial"), victim);

    CliRun run = table.run("export", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(victim)).isEqualTo("precious");
    assertThat(Files.isSymbolicLink(dir.resolve("backup.json.partial"))).isTrue();
    assertThat(Files.readString(out)).contains("\"format\" : \"botconfig-export\"");
  }

  @Test
  void aLinkAtTheTargetIsReplacedNotFollowed() throws Exception {
    Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
    Path out = dir.resolve("backup.json");
    Files.createSymbolicLink(out, victim);

    CliRun run = table.run("export", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(victim)).isEqualTo("precious");
    assertThat(Files.isSymbolicLink(out)).isFalse();
    assertThat(Files.readString(out, java.nio.charset.StandardCharsets.UTF_8))
        .contains("CHANNEL#10");
  }

  @Test
  void anExistingBackupIsReplacedWhole() throws Exception {
    Path out = Files.writeString(dir.resolve("backup.json"), "old");

    CliRun run = table.run("export", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(out)).startsWith("{").contains("CHANNEL#10");
    assertThat(filesIn(dir)).containsExactly(Path.of("backup.json"));
  }

  @Test
  void aMissingDirectoryIsOneLineNamingItAndNothingIsLeft() {
    CliRun run = table.run("export", "--out", "/nonexistent/x.json");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err())
        .isEqualTo(
            "error: cannot write the export to /nonexistent/x.json: directory /nonexistent does"
                + " not exist\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aDirectoryAsTheTargetIsOneLineNamingItAndNothingIsLeft() throws Exception {
    Path target = Files.createDirectory(dir.resolve("backups"));

    CliRun run = table.run("export", "--out", target.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err())
        .isEqualTo(
            "error: cannot write the export to "
                + target
                + ": it is a directory; name a file, e.g. "
                + target.resolve("backup.json")
                + "\n");
    assertThat(filesIn(dir)).containsExactly(Path.of("backups"));
    assertThat(filesIn(target)).isEmpty();
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsOneLineAndNothingIsLeft() throws Exception {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    try {
      CliRun run = table.run("export", "--out", locked.resolve("x.json").toString());

      if (Files.isWritable(locked)) {
        return; // running as root: permissions do not stop it, nothing to check
      }
      assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
      assertThat(run.err())
          .isEqualTo(
              "error: cannot write the export to "
                  + locked.resolve("x.json")
                  + ": permission denied in "
                  + locked
                  + "\n");
      assertThat(filesIn(locked)).isEmpty();
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aFileInPlaceOfTheDirectoryIsOneLineNamingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");

    CliRun run = table.run("export", "--out", file.resolve("x.json").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err())
        .isEqualTo(
            "error: cannot write the export to "
                + file.resolve("x.json")
                + ": "
                + file
                + " is not a directory\n");
    assertThat(Files.readString(file)).isEqualTo("x");
    assertThat(Files.exists(file, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }
}

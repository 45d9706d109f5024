package io.github.botconfig.app.cli;

import io.github.botconfig.domain.InvalidConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes a file only its owner can read, whole or not at all: the content goes to a new file of an
 * unguessable name beside the target (created with {@code CREATE_NEW}, so never through a planted
 * link or over another file, mode 0600 from its creation), is flushed to disk, then renamed over
 * the target in one step. A failure removes the new file: nothing half-written or stray is left,
 * and the target is as it was.
 */
final class PrivateFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What writes the content. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private PrivateFiles() {}

  /**
   * @param what what the file is, for messages ("the export")
   * @throws InvalidConfigException one line naming the path and the cause when the file cannot be
   *     written there
   */
  static void write(Path target, String what, Content content) {
    Path file = target.toAbsolutePath().normalize();
    Path directory = file.getParent();
    if (directory == null || file.getFileName() == null) {
      throw cannot(what, target, "it names no file");
    }
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      throw cannot(
          what, target, "it is a directory; name a file, e.g. " + file.resolve("backup.json"));
    }
    if (!Files.isDirectory(directory)) {
      throw cannot(
          what,
          target,
          Files.exists(directory)
              ? directory + " is not a directory"
              : "directory " + directory + " does not exist");
    }
    Path partial =
        directory.resolve(
            "."
                + file.getFileName()
                + "."
                + HexFormat.of().toHexDigits(RANDOM.nextLong())
                + ".partial");
    boolean moved = false;
    try {
      try (FileChannel channel =
              FileChannel.open(
                  partial,
                  java.util.Set.of(
                      StandardOpenOption.CREATE_NEW,
                      StandardOpenOption.WRITE,
                      LinkOption.NOFOLLOW_LINKS),
                  ownerOnly(directory));
          OutputStream out = Channels.newOutputStream(channel)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
    } catch (AccessDeniedException e) {
      throw cannot(what, target, "permission denied in " + directory);
    } catch (NoSuchFileException e) {
      throw cannot(what, target, "directory " + directory + " does not exist");
    } catch (FileSystemException e) {
      throw cannot(what, target, e.getReason() == null ? e.toString() : e.getReason());
    } catch (IOException e) {
      throw cannot(what, target, String.valueOf(e.getMessage()));
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // the message above says what failed; a file we could not remove is named nowhere else
        }
      }
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path directory) throws IOException {
    return Files.getFileStore(directory).supportsFileAttributeView("posix")
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }

  private static InvalidConfigException cannot(String what, Path target, String why) {
    return new InvalidConfigException("cannot write " + what + " to " + target + ": " + why);
  }
}

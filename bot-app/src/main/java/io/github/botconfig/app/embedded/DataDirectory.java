package io.github.botconfig.app.embedded;

import io.github.botconfig.domain.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded store's {@code data/} directory: single-user, so 0700 with its files 0600, and every
 * way it can be unusable said as what it is (not as a missing Node.js).
 */
final class DataDirectory {
  static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  private DataDirectory() {}

  /**
   * Returns {@code home/data}, created 0700 if missing.
   *
   * @throws StoreUnavailableException naming the directory and what is wrong with it
   */
  static Path prepare(Path home) {
    Path data = home.resolve("data");
    if (!Files.exists(data, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectory(data, ownerOnly(OWNER_ONLY_DIRECTORY));
      } catch (FileAlreadyExistsException e) {
        // Created by another process meanwhile: checked below like any other.
      } catch (IOException e) {
        throw unusable(data, "cannot be created (" + reason(e) + ")");
      }
    }
    if (!Files.isDirectory(data)) {
      throw unusable(data, "is not a directory");
    }
    if (!Files.isReadable(data) || !Files.isWritable(data) || !Files.isExecutable(data)) {
      throw unusable(
          data,
          "is not readable and writable by this user ("
              + describe(data)
              + "); give it back to the user botconfig runs as: chown -R \"$(id -un)\" "
              + data
              + " && chmod 700 "
              + data);
    }
    return data;
  }

  /**
   * Takes group and other permissions away from {@code data/} and everything in it (a {@code data/}
   * made by an older botconfig was 0755 with 0644 files). Files of other users are left as they
   * are: {@link #prepare} has said whether this user can use them.
   */
  static void restrict(Path data) {
    try (Stream<Path> paths = Files.walk(data)) {
      paths.forEach(
          path -> {
            try {
              if (Files.isSymbolicLink(path)) {
                return;
              }
              Set<PosixFilePermission> wanted =
                  Files.isDirectory(path) ? OWNER_ONLY_DIRECTORY : OWNER_ONLY_FILE;
              if (!Files.getPosixFilePermissions(path).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
              }
            } catch (IOException | UnsupportedOperationException e) {
              // Not ours, or not a POSIX file system: nothing to tighten.
            }
          });
    } catch (IOException | RuntimeException e) {
      // A file removed while walking: the next start tightens what is left.
    }
  }

  /** Creates {@code file} 0600 if missing (a log, a lock); an existing one is kept. */
  static Path ownerOnlyFile(Path file) throws IOException {
    try {
      Files.createFile(file, ownerOnly(OWNER_ONLY_FILE));
    } catch (FileAlreadyExistsException e) {
      // Kept: restrict() has tightened it.
    }
    return file;
  }

  static StoreUnavailableException unusable(Path data, String what) {
    return new StoreUnavailableException("the embedded DynamoDB's directory " + data + " " + what);
  }

  static String reason(IOException e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName().replace("Exception", "");
    return message == null ? type : type + ": " + message;
  }

  private static String describe(Path path) {
    try {
      return "owner "
          + Files.getOwner(path).getName()
          + ", mode "
          + PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (IOException | UnsupportedOperationException e) {
      return "its owner and mode could not be read";
    }
  }

  private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
    try {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    } catch (UnsupportedOperationException e) {
      return new FileAttribute<?>[0];
    }
  }
}

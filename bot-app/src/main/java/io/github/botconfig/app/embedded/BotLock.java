package io.github.botconfig.app.embedded;

import io.github.botconfig.domain.StoreUnavailableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one bot of a {@code data/} directory: {@code data/bot.lock}, locked by the bot's process for
 * as long as it runs and holding its pid (which the embedded server reads: it stays up while that
 * process lives). Two bots on one {@code data/} would answer every message twice; the second is
 * refused at once. The lock is the operating system's, so a bot that crashed holds nothing: its pid
 * may stay in the file, but the next bot takes the lock.
 *
 * <p>Thread-safe; one per bot process.
 */
public final class BotLock implements AutoCloseable {
  static final String FILE = "bot.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private BotLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Makes this process the bot of {@code home}'s {@code data/}.
   *
   * @throws StoreUnavailableException if another process holds it, naming that process and how to
   *     stop it, or if {@code data/} is unusable
   */
  public static BotLock acquire(Path home) {
    Path data = DataDirectory.prepare(home);
    Path file = data.resolve(FILE);
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              DataDirectory.ownerOnlyFile(file), StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = holder(file).orElse("another process");
        throw new StoreUnavailableException(
            "another bot already runs on "
                + data
                + ": "
                + holder
                + "; two bots on one data/ would answer every message twice. Stop it first ("
                + holder.replaceFirst(".*pid (\\d+).*", "kill $1")
                + ", or stop its service), or give this one its own botconfig directory");
      }
      channel.truncate(0);
      String content =
          ProcessHandle.current().pid()
              + "\nbotconfig run, pid "
              + ProcessHandle.current().pid()
              + ", started "
              + Instant.now()
              + "\n";
      channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new BotLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw DataDirectory.unusable(
          data, "has no usable " + FILE + " (" + DataDirectory.reason(e) + ")");
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // this very process holds it already
    }
  }

  /** What the holder wrote: its second line, "botconfig run, pid N, started T". */
  private static Optional<String> holder(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .skip(1)
          .findFirst()
          .filter(line -> !line.isBlank());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      channel.truncate(0); // the pid goes with the process: the server no longer waits for it
      lock.release();
    } catch (IOException e) {
      // The lock goes with the channel anyway.
    } finally {
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing left to release.
      }
    }
  }
}

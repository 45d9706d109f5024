package io.github.botconfig.app.cli;

import io.github.botconfig.app.launch.InvalidLaunchOptionsException;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.StoreNotFoundException;
import io.github.botconfig.domain.StoreUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Every failure of a command as its exit code and one line naming the value and the true cause: the
 * one place where exceptions become what a user reads ({@link BotConfigCli} prints it as {@code
 * error: …}; the stack trace only under {@code --verbose}).
 */
final class Failures {
  /** What a token Discord refuses (at login over REST, or at the gateway: 4004) is said as. */
  static final String TOKEN_REJECTED =
      "Discord rejected the token (reset, revoked or mistyped): copy a new one from"
          + " https://discord.com/developers/applications → your application → Bot → Reset"
          + " Token into the file DISCORD_TOKEN_FILE names";

  private Failures() {}

  /** A failure to report. */
  record Failure(int code, String message) {}

  /** Where the command looked for its table, for messages that must say so. */
  interface Where {
    String table();

    /** "AWS region eu-west-3", "http://127.0.0.1:8000", "the embedded DynamoDB at …". */
    String location();

    /**
     * " --table NAME" and the other options given on this command line that said where the table
     * is, so that advice works when followed.
     */
    String options();

    /** The command that creates the table, with the options that point this one at it. */
    default String createCommand() {
      return "botconfig table create" + options();
    }
  }

  static Failure of(Throwable e, Where where) {
    if (find(e, ResourceNotFoundException.class).isPresent()
        || find(e, StoreNotFoundException.class).isPresent()) {
      return new Failure(ExitCodes.STORE_UNAVAILABLE, missingTable(where));
    }
    if (e instanceof InvalidConfigException) {
      return new Failure(ExitCodes.INVALID, text(e));
    }
    if (e instanceof InvalidLaunchOptionsException invalid) {
      return new Failure(
          ExitCodes.INVALID, "invalid launch options: " + String.join("; ", invalid.problems()));
    }
    if (e instanceof ConfigConflictException) {
      return new Failure(ExitCodes.CONFLICT, text(e));
    }
    if (e instanceof StoreUnavailableException || find(e, SdkException.class).isPresent()) {
      return new Failure(ExitCodes.STORE_UNAVAILABLE, dynamoDb(e, where));
    }
    Optional<InvalidTokenException> token = find(e, InvalidTokenException.class);
    if (token.isPresent()) {
      return new Failure(ExitCodes.INVALID, TOKEN_REJECTED);
    }
    Optional<UnknownHostException> host = find(e, UnknownHostException.class);
    if (host.isPresent()) {
      return new Failure(
          ExitCodes.STORE_UNAVAILABLE,
          "cannot reach "
              + host.get().getMessage()
              + ": the name does not resolve (no network, or no DNS); check the connection and"
              + " try again");
    }
    Optional<ConnectException> refused = find(e, ConnectException.class);
    if (refused.isPresent()) {
      return new Failure(
          ExitCodes.STORE_UNAVAILABLE,
          "cannot connect: " + text(refused.get()) + "; check the network and try again");
    }
    Optional<IOException> io = find(e, IOException.class);
    if (io.isPresent() && io.get() instanceof FileSystemException fileSystem) {
      return new Failure(ExitCodes.INVALID, file(fileSystem));
    }
    return new Failure(
        ExitCodes.FAILURE,
        "unexpected "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + text(e))
            + " (run again with --verbose for the stack trace)");
  }

  static String missingTable(Where where) {
    return "table "
        + where.table()
        + " does not exist at "
        + where.location()
        + "; create it with `"
        + where.createCommand()
        + "`";
  }

  /** The store's message, made precise where the SDK's cause says more than "refused". */
  private static String dynamoDb(Throwable e, Where where) {
    Optional<SdkClientException> client = find(e, SdkClientException.class);
    if (client.isPresent()
        && String.valueOf(client.get().getMessage()).contains("Unable to load credentials")) {
      return "no AWS credentials for "
          + where.location()
          + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run with an"
          + " instance or task role (docs/deploy.md)";
    }
    Optional<AwsServiceException> service = find(e, AwsServiceException.class);
    if (service.isPresent() && service.get().awsErrorDetails() != null) {
      String code = String.valueOf(service.get().awsErrorDetails().errorCode());
      String message = String.valueOf(service.get().awsErrorDetails().errorMessage());
      if (code.equals("UnrecognizedClientException")
          || code.equals("InvalidSignatureException")
          || code.equals("ExpiredTokenException")
          || code.equals("MissingAuthenticationTokenException")) {
        return "AWS rejected the credentials for "
            + where.location()
            + " ("
            + code
            + ": "
            + message
            + "): check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN or AWS_PROFILE";
      }
      String lower = message.toLowerCase(Locale.ROOT);
      if (code.equals("ValidationException")
          && (lower.contains("key element does not match the schema")
              || lower.contains("missing the key")
              || lower.contains("missed key schema element"))) {
        return "table "
            + where.table()
            + " at "
            + where.location()
            + " does not have botconfig's keys (PK and SK, both strings): it belongs to something"
            + " else, or was created by hand; `botconfig doctor` shows what differs";
      }
      if (code.equals("ValidationException") && lower.contains("specified index")) {
        return "table "
            + where.table()
            + " at "
            + where.location()
            + " has no index ChannelIndex, which botconfig needs to find a channel by id: it is"
            + " not botconfig's table, or was created by hand; `botconfig doctor` shows what differs";
      }
    }
    return e instanceof StoreUnavailableException
        ? text(e)
        : "DynamoDB at " + where.location() + " failed: " + text(e);
  }

  private static String file(FileSystemException e) {
    String path = e.getFile() == null ? "" : e.getFile();
    String reason = e.getReason();
    if (e instanceof NoSuchFileException) {
      return "no such file or directory: " + path;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + path;
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists: " + path;
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory: " + path;
    }
    return path
        + (e.getOtherFile() == null ? "" : " → " + e.getOtherFile())
        + ": "
        + (reason == null ? e.getClass().getSimpleName() : reason);
  }

  /** The message on one line: a failure is one line of the terminal, whatever its source wrote. */
  static String text(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return oneLine(message);
  }

  static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  static <T extends Throwable> Optional<T> find(@Nullable Throwable e, Class<T> type) {
    for (int depth = 0; e != null && depth < 20; e = e.getCause(), depth++) {
      if (type.isInstance(e)) {
        return Optional.of(type.cast(e));
      }
    }
    return Optional.empty();
  }
}

package io.github.botconfig.app.launch;

import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.InvalidConfigException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@link LaunchOptions} from command-line options, environment variables and an options file,
 * in that order of precedence (then the defaults), and checks them all before anything starts: one
 * message per problem, each naming the setting and the value (never the token's).
 *
 * <p>Not thread-safe; use one loader per load.
 */
public final class LaunchOptionsLoader {
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
  private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
  private static final Duration MIN_GRACE = Duration.ofHours(1);
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final Map<String, String> environment;
  private final Map<LaunchOption, String> options;
  private final LaunchOptionsFile file;
  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final LaunchOptions loaded;

  private LaunchOptionsLoader(Map<String, String> environment, Map<LaunchOption, String> options) {
    this.environment = environment;
    this.options = options.isEmpty() ? new EnumMap<>(LaunchOption.class) : new EnumMap<>(options);
    this.file = optionsFile();
    this.loaded = read();
  }

  /**
   * Loads options.
   *
   * @param environment the process environment ({@code System.getenv()})
   * @param options values given on the command line; they win over the environment
   * @return the loader, whose {@link #options()} and {@link #warnings()} hold the result
   */
  public static LaunchOptionsLoader load(
      Map<String, String> environment, Map<LaunchOption, String> options) {
    return new LaunchOptionsLoader(environment, options);
  }

  /**
   * Returns the options.
   *
   * @throws InvalidLaunchOptionsException listing every problem found
   */
  public LaunchOptions options() {
    if (!problems.isEmpty()) {
      throw new InvalidLaunchOptionsException(problems);
    }
    return loaded;
  }

  /** Things that work but deserve attention (a token file other users can read). */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  private LaunchOptions read() {
    Optional<DiscordToken> token = token();
    String table = value(LaunchOption.TABLE).orElse(LaunchOption.TABLE.defaultValue());
    if (!TABLE_NAME.matcher(table).matches()) {
      problem(LaunchOption.TABLE, table, "must be 3 to 255 letters, digits, '_', '-' or '.'");
    }
    Optional<String> region =
        checked(
            LaunchOption.REGION,
            s -> {
              if (!REGION.matcher(s).matches()) {
                throw new IllegalArgumentException("must be an AWS region such as eu-west-3");
              }
              return s;
            });
    Optional<URI> endpoint = checked(LaunchOption.ENDPOINT, LaunchOptionsLoader::endpoint);
    Duration refresh = duration(LaunchOption.REFRESH_INTERVAL, Duration.ofSeconds(1));
    Duration poll = duration(LaunchOption.CHANGE_POLL_INTERVAL, Duration.ZERO);
    if (!poll.isZero() && poll.compareTo(Duration.ofSeconds(1)) < 0) {
      problem(
          LaunchOption.CHANGE_POLL_INTERVAL,
          Durations.format(poll),
          "must be 0 (off) or at least 1s");
    }
    Duration initialWait = duration(LaunchOption.INITIAL_LOAD_WAIT, Duration.ZERO);
    Duration grace = duration(LaunchOption.PURGE_GRACE_PERIOD, MIN_GRACE);
    Optional<GuildId> devGuild =
        checked(
            LaunchOption.DEV_GUILD_ID,
            s -> {
              try {
                return GuildId.of(s);
              } catch (InvalidConfigException e) {
                throw new IllegalArgumentException("must be a guild id (digits only)");
              }
            });
    String logLevel =
        checked(
                LaunchOption.LOG_LEVEL,
                s -> {
                  String level = s.toUpperCase(Locale.ROOT);
                  if (!LOG_LEVELS.contains(level)) {
                    throw new IllegalArgumentException(
                        "must be one of TRACE, DEBUG, INFO, WARN, ERROR");
                  }
                  return level;
                })
            .orElse(LaunchOption.LOG_LEVEL.defaultValue());
    LogFormat logFormat =
        checked(
                LaunchOption.LOG_FORMAT,
                s -> {
                  return switch (s.toLowerCase(Locale.ROOT)) {
                    case "text" -> LogFormat.TEXT;
                    case "json" -> LogFormat.JSON;
                    default -> throw new IllegalArgumentException("must be 'text' or 'json'");
                  };
                })
            .orElse(LogFormat.TEXT);
    Optional<URI> restUrl =
        checked(
            LaunchOption.DISCORD_REST_URL,
            s -> discordUrl(s, "https://discord.com/api/v10/", "http", "https"));
    Optional<URI> gatewayUrl =
        checked(
            LaunchOption.DISCORD_GATEWAY_URL,
            s -> discordUrl(s, "wss://gateway.discord.gg/", "ws", "wss"));
    return new LaunchOptions(
        token,
        table,
        region,
        endpoint,
        refresh,
        poll,
        initialWait,
        grace,
        devGuild,
        logLevel,
        logFormat,
        restUrl,
        gatewayUrl,
        sharding(),
        health(),
        duration(LaunchOption.EMBEDDED_IDLE_STOP, Duration.ofSeconds(1)));
  }

  private Sharding sharding() {
    OptionalInt total =
        checked(LaunchOption.SHARD_TOTAL, Sharding::parseTotal).orElse(OptionalInt.empty());
    Optional<SortedSet<Integer>> shards = checked(LaunchOption.SHARDS, Sharding::parseShards);
    if (shards.isEmpty()) {
      return new Sharding(total, Optional.empty());
    }
    String given = value(LaunchOption.SHARDS).orElseThrow();
    if (total.isEmpty()) {
      problem(
          LaunchOption.SHARDS,
          given,
          "needs "
              + LaunchOption.SHARD_TOTAL.variable()
              + " set to a number (every process must agree on the total)");
      return Sharding.auto();
    }
    if (shards.get().last() >= total.getAsInt()) {
      problem(
          LaunchOption.SHARDS,
          given,
          "must name shards from 0 to "
              + (total.getAsInt() - 1)
              + " ("
              + LaunchOption.SHARD_TOTAL.variable()
              + " is "
              + total.getAsInt()
              + ")");
      return Sharding.auto();
    }
    return new Sharding(total, shards);
  }

  private HealthEndpoint health() {
    boolean enabled = checked(LaunchOption.HEALTH_ENABLED, LaunchOptionsLoader::bool).orElse(false);
    InetAddress address =
        checked(LaunchOption.HEALTH_ADDRESS, LaunchOptionsLoader::ipAddress)
            .orElseGet(() -> ipAddress(LaunchOption.HEALTH_ADDRESS.defaultValue()));
    int port =
        checked(
                LaunchOption.HEALTH_PORT,
                s -> {
                  if (!s.matches("[0-9]{1,5}") || Integer.parseInt(s) > 65_535) {
                    throw new IllegalArgumentException("must be a TCP port from 0 to 65535");
                  }
                  return Integer.parseInt(s);
                })
            .orElseGet(() -> Integer.parseInt(LaunchOption.HEALTH_PORT.defaultValue()));
    if (enabled && !address.isLoopbackAddress()) {
      warnings.add(
          LaunchOption.HEALTH_ADDRESS.variable()
              + " "
              + address.getHostAddress()
              + " lets other machines read /healthz"
              + " and /metrics: keep that port behind a firewall or inside the container's network");
    }
    return new HealthEndpoint(enabled, address, port);
  }

  /**
   * {@code true}/{@code false}, {@code yes}/{@code no} or {@code on}/{@code off}, as docs/cli.md
   * says.
   */
  public static boolean bool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("must be true or false (or yes/no, on/off)");
    };
  }

  /**
   * An IP literal only: a host name would be looked up in DNS, and could change under a running
   * bot.
   */
  private static InetAddress ipAddress(String text) {
    if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
      throw new IllegalArgumentException("must be an IP address such as 127.0.0.1 or 0.0.0.0");
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("must be an IP address such as 127.0.0.1 or 0.0.0.0");
    }
  }

  private Optional<DiscordToken> token() {
    Optional<String> direct = value(LaunchOption.DISCORD_TOKEN);
    Optional<String> file = value(LaunchOption.DISCORD_TOKEN_FILE);
    // A token given at a higher level (environment over options file) wins over the other kind.
    if (direct.isPresent()
        && file.isPresent()
        && level(LaunchOption.DISCORD_TOKEN) != level(LaunchOption.DISCORD_TOKEN_FILE)) {
      if (level(LaunchOption.DISCORD_TOKEN) < level(LaunchOption.DISCORD_TOKEN_FILE)) {
        file = Optional.empty();
      } else {
        direct = Optional.empty();
      }
    }
    if (direct.isPresent() && file.isPresent()) {
      problems.add(
          "DISCORD_TOKEN and DISCORD_TOKEN_FILE are both set: keep only one (preferably the file)");
      return Optional.empty();
    }
    if (file.isPresent()) {
      return tokenFromFile(Path.of(file.get()));
    }
    return direct.flatMap(t -> checkedToken(t, source(LaunchOption.DISCORD_TOKEN)));
  }

  private Optional<DiscordToken> tokenFromFile(Path path) {
    String name = source(LaunchOption.DISCORD_TOKEN_FILE);
    if (!Files.isRegularFile(path)) {
      problems.add(name + ": no such file: " + path);
      return Optional.empty();
    }
    try {
      warnIfOthersCanRead(path);
      return checkedToken(
          Files.readString(path, StandardCharsets.UTF_8).strip(), name + " (" + path + ")");
    } catch (IOException e) {
      problems.add(name + ": cannot read " + path + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private void warnIfOthersCanRead(Path path) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      if (permissions.contains(PosixFilePermission.OTHERS_READ)
          || permissions.contains(PosixFilePermission.GROUP_READ)) {
        warnings.add(
            "DISCORD_TOKEN_FILE "
                + path
                + " can be read by other users; restrict it: chmod 600 "
                + path);
      }
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: nothing to check.
    }
  }

  private Optional<DiscordToken> checkedToken(String token, String source) {
    if (token.isBlank()) {
      problems.add(source + " is empty");
      return Optional.empty();
    }
    for (int i = 0; i < token.length(); i++) {
      if (Character.isWhitespace(token.charAt(i)) || Character.isISOControl(token.charAt(i))) {
        // Never echo the token, not even a part of it.
        problems.add(source + " contains spaces or control characters: it is not a Discord token");
        return Optional.empty();
      }
    }
    return Optional.of(DiscordToken.of(token));
  }

  private static URI url(String text, String example, String... schemes) {
    String rule =
        "must be a URL starting with "
            + String.join(":// or ", schemes)
            + "://, such as "
            + example;
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null
          || !List.of(schemes).contains(uri.getScheme().toLowerCase(Locale.ROOT))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(rule);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(rule);
    }
  }

  /**
   * A Discord address: the token goes with every request to it (REST's {@code authorization}
   * header, the gateway's identify), so the connection is encrypted unless it never leaves this
   * machine (a test double, a local proxy).
   */
  private static URI discordUrl(String text, String example, String plain, String secure) {
    URI uri = url(text, example, plain, secure);
    if (uri.getScheme().equals(plain) && !isLoopbackHost(uri.getHost())) {
      throw new IllegalArgumentException(
          "must start with "
              + secure
              + ":// unless its host is this machine (127.0.0.1, [::1] or localhost):"
              + " the bot's token would cross the network in clear text");
    }
    return uri;
  }

  /**
   * A loopback IP literal, or {@code localhost}. Any other name is not: DNS (or a hosts file) could
   * send it anywhere, and {@code 127.0.0.1.example.net} is a name.
   */
  private static boolean isLoopbackHost(String host) {
    String literal =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (literal.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
      return false;
    }
    try {
      return ipAddress(literal).isLoopbackAddress();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static URI endpoint(String text) {
    return url(text, "http://127.0.0.1:8000", "http", "https");
  }

  private Duration duration(LaunchOption setting, Duration minimum) {
    Duration value =
        checked(setting, Durations::parse).orElseGet(() -> Durations.parse(setting.defaultValue()));
    if (value.compareTo(minimum) < 0) {
      problem(setting, Durations.format(value), "must be at least " + Durations.format(minimum));
      return minimum;
    }
    return value;
  }

  private <T> Optional<T> checked(LaunchOption setting, Function<String, T> parser) {
    Optional<String> text = value(setting);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(text.get()));
    } catch (IllegalArgumentException e) {
      String message = Objects.requireNonNullElse(e.getMessage(), e.toString());
      int got = message.indexOf(", got ");
      problem(setting, text.get(), got < 0 ? message : message.substring(0, got));
      return Optional.empty();
    }
  }

  private Optional<String> value(LaunchOption setting) {
    String option = options.get(setting);
    if (option != null) {
      return Optional.of(option);
    }
    String variable = environment.get(setting.variable());
    if (variable != null && !variable.isBlank()) {
      return Optional.of(variable.strip());
    }
    return file.value(setting);
  }

  /** 0 option, 1 environment, 2 options file, 3 not given. */
  private int level(LaunchOption setting) {
    if (options.containsKey(setting)) {
      return 0;
    }
    String variable = environment.get(setting.variable());
    if (variable != null && !variable.isBlank()) {
      return 1;
    }
    return file.value(setting).isPresent() ? 2 : 3;
  }

  /** Where a setting's value came from, as the user wrote it: option, variable or file line. */
  private String source(LaunchOption setting) {
    if (options.containsKey(setting)) {
      return setting.option();
    }
    String variable = environment.get(setting.variable());
    if ((variable == null || variable.isBlank()) && file.value(setting).isPresent()) {
      return file.describe(setting);
    }
    return setting.variable();
  }

  private void problem(LaunchOption setting, String value, String rule) {
    problems.add(source(setting) + " " + rule + ", got '" + quote(value) + "'");
  }

  private LaunchOptionsFile optionsFile() {
    String option = options.get(LaunchOption.SETTINGS_FILE);
    String variable = environment.get(LaunchOption.SETTINGS_FILE.variable());
    String given = option != null ? option : variable;
    if (given == null || given.isBlank()) {
      return LaunchOptionsFile.NONE;
    }
    String source =
        option != null
            ? LaunchOption.SETTINGS_FILE.option()
            : LaunchOption.SETTINGS_FILE.variable();
    try {
      LaunchOptionsFile read = LaunchOptionsFile.read(Path.of(given.strip()));
      problems.addAll(read.problems());
      warnings.addAll(read.warnings());
      return read;
    } catch (IllegalArgumentException e) {
      problems.add(source + " " + e.getMessage());
      return LaunchOptionsFile.NONE;
    }
  }

  private static String quote(String value) {
    return value.length() <= 80 ? value : value.substring(0, 80) + "…";
  }
}

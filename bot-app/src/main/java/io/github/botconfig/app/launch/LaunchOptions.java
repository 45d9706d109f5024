package io.github.botconfig.app.launch;

import io.github.botconfig.domain.GuildId;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The launcher's validated options. Build them with {@link LaunchOptionsLoader}; every value here
 * has passed its checks.
 *
 * @param token the Discord token, needed only to run the bot
 * @param table the DynamoDB table name
 * @param region the AWS region, if configured
 * @param endpoint the DynamoDB endpoint, if configured
 * @param refreshInterval the cache's full-reload interval
 * @param changePollInterval the cache's change-marker poll interval; zero disables polling
 * @param initialLoadWait how long start-up waits for the first load
 * @param purgeGracePeriod how long a departed guild's items are kept
 * @param devGuildId where to register slash commands while developing, if anywhere
 * @param logLevel the root log level name
 * @param logFormat text or JSON lines
 * @param discordRestUrl where JDA sends REST calls, if not to Discord itself
 * @param discordGatewayUrl where JDA opens its gateway WebSocket, if not where Discord says
 * @param sharding how many shards the bot has, and which of them this process runs
 * @param health the optional HTTP health endpoint
 * @param embeddedIdleStop how long the embedded server runs on with no request and no bot
 */
public record LaunchOptions(
    Optional<DiscordToken> token,
    String table,
    Optional<String> region,
    Optional<URI> endpoint,
    Duration refreshInterval,
    Duration changePollInterval,
    Duration initialLoadWait,
    Duration purgeGracePeriod,
    Optional<GuildId> devGuildId,
    String logLevel,
    LogFormat logFormat,
    Optional<URI> discordRestUrl,
    Optional<URI> discordGatewayUrl,
    Sharding sharding,
    HealthEndpoint health,
    Duration embeddedIdleStop) {

  /**
   * Whether neither a region nor an endpoint is configured: the launcher then runs its embedded
   * local server.
   */
  public boolean usesEmbeddedStore() {
    return region.isEmpty() && endpoint.isEmpty();
  }

  /** Returns these options pointed at another endpoint (the embedded server's, once it runs). */
  public LaunchOptions withEndpoint(URI newEndpoint) {
    return new LaunchOptions(
        token,
        table,
        region,
        Optional.of(newEndpoint),
        refreshInterval,
        changePollInterval,
        initialLoadWait,
        purgeGracePeriod,
        devGuildId,
        logLevel,
        logFormat,
        discordRestUrl,
        discordGatewayUrl,
        sharding,
        health,
        embeddedIdleStop);
  }
}

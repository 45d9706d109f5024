package io.github.botconfig.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.github.botconfig.app.launch.LaunchOptions;
import io.github.botconfig.bot.DiscordBot;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.RequestMetrics;
import io.github.botconfig.dynamodb.TableProvisioner;
import io.github.botconfig.dynamodb.internal.TableBackup;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import javax.inject.Singleton;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The object graph of one process. Everything is created on first use: a CLI command that only
 * lists channels never builds the cache or logs in to Discord.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, BotModule.class, DiscordModule.class})
public interface AppComponent {

  /** Creates the graph for these options, on the system clock. */
  static AppComponent create(LaunchOptions options) {
    return create(options, Clock.systemUTC(), new Lifecycle());
  }

  /**
   * Creates the graph.
   *
   * @param lifecycle where the graph registers what it opens; may already hold what was opened
   *     before it (the embedded server), which then closes last
   */
  static AppComponent create(LaunchOptions options, Clock clock, Lifecycle lifecycle) {
    return DaggerAppComponent.factory().create(options, clock, lifecycle, Optional.empty());
  }

  /**
   * Creates the graph on a scheduler of the caller's (a test's manual one, driven with {@code
   * clock}); the caller shuts it down.
   */
  static AppComponent create(
      LaunchOptions options, Clock clock, ScheduledExecutorService scheduler, Lifecycle lifecycle) {
    return DaggerAppComponent.factory().create(options, clock, lifecycle, Optional.of(scheduler));
  }

  LaunchOptions options();

  Clock clock();

  DynamoDbClient client();

  RequestMetrics metrics();

  ConfigStore store();

  DynamoDbConfigStore dynamoDbStore();

  TableProvisioner provisioner();

  TableBackup backup();

  ScheduledExecutorService scheduler();

  ConfigCache cache();

  DiscordBot bot();

  /**
   * A new shard manager builder for the bot (each call a new one), for the shards the options give
   * this process; building it logs in to Discord.
   */
  DefaultShardManagerBuilder shardManagerBuilder();

  Lifecycle lifecycle();

  /** Releases everything the graph opened, in reverse order. */
  default void close() {
    lifecycle().close();
  }

  /** Builds the graph. */
  @Component.Factory
  interface Factory {
    AppComponent create(
        @BindsInstance LaunchOptions options,
        @BindsInstance Clock clock,
        @BindsInstance Lifecycle lifecycle,
        @BindsInstance Optional<ScheduledExecutorService> scheduler);
  }
}

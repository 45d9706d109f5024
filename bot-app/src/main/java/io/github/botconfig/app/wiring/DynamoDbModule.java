package io.github.botconfig.app.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.github.botconfig.app.launch.LaunchOptions;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.dynamodb.DynamoDbClients;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.DynamoDbTooling;
import io.github.botconfig.dynamodb.RequestMetrics;
import io.github.botconfig.dynamodb.TableProvisioner;
import io.github.botconfig.dynamodb.internal.TableBackup;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB side: one client for the process, counted by one {@link RequestMetrics}. */
@Module
interface DynamoDbModule {

  @Binds
  ConfigStore store(DynamoDbConfigStore store);

  @Provides
  @Singleton
  static RequestMetrics metrics() {
    return new RequestMetrics();
  }

  @Provides
  @Singleton
  static DynamoDbClient client(LaunchOptions options, RequestMetrics metrics, Lifecycle lifecycle) {
    DynamoDbClients.Builder builder = DynamoDbClients.builder().metrics(metrics);
    options.region().map(Region::of).ifPresent(builder::region);
    options.endpoint().ifPresent(builder::endpointOverride);
    DynamoDbClient client = builder.build();
    return lifecycle.register("the DynamoDB client", client, client::close);
  }

  @Provides
  @Singleton
  static DynamoDbConfigStore dynamoDbStore(
      DynamoDbClient client, LaunchOptions options, Clock clock) {
    return DynamoDbConfigStore.builder()
        .client(client)
        .tableName(options.table())
        .clock(clock)
        .build();
  }

  @Provides
  static TableProvisioner provisioner(DynamoDbClient client, LaunchOptions options) {
    return TableProvisioner.builder().client(client).tableName(options.table()).build();
  }

  @Provides
  static TableBackup backup(DynamoDbClient client, LaunchOptions options, Clock clock) {
    return DynamoDbTooling.tableBackup(client, options.table(), clock);
  }
}

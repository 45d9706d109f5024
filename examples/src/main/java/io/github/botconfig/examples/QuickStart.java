package io.github.botconfig.examples;

import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.dynamodb.DynamoDbClients;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.TableProvisioner;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A complete cache over the DynamoDB store of a local endpoint (java QuickStart [endpoint]). */
public final class QuickStart {
  public static void main(String[] args) {
    URI endpoint = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8000");
    try (DynamoDbClient client = DynamoDbClients.builder().endpointOverride(endpoint).build()) {
      TableProvisioner.builder().client(client).build().createIfMissing(); // discord-bot-config
      DynamoDbConfigStore store = DynamoDbConfigStore.builder().client(client).build();
      try (ConfigCache cache = ConfigCache.builder(store).build()) {
        cache.start(); // one full load; from now on lookups never call DynamoDB
        GuildId guild = GuildId.of("1180586412434817024");
        ChannelId channel = ChannelId.of("1180586500000000001");
        // Tracks the channel if it is not yet, pins it; run again, it finds nothing to write.
        cache.updateChannel(guild, channel, config -> config.withPin(true));
        ChannelConfig tracked = cache.findChannel(channel).orElseThrow(); // memory only
        System.out.println("pin: " + tracked.pin() + ", version " + tracked.version());
      }
    }
  }
}

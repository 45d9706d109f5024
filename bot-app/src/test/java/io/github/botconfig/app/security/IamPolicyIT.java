package io.github.botconfig.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.TableProvisioner;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The IAM policy in docs/security.md is exact: every DynamoDB call the bot (and {@code doctor})
 * makes is granted on the resource it names (table or index), and every action it grants on a
 * resource is one the bot uses there. The client refuses, as IAM would, every call the policy does
 * not grant, so each operation is shown to work under the policy, not only to be listed in it.
 */
class IamPolicyIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final Path SECURITY_DOC = Path.of("..", "docs", "security.md");

  /** "Action on resource" for every call made, e.g. {@code Query on index}. */
  private final Set<String> used = new ConcurrentSkipListSet<>();

  /** The calls refused because the policy does not grant them. */
  private final Set<String> denied = new ConcurrentSkipListSet<>();

  @Test
  void thePolicyGrantsExactlyTheCallsTheBotMakesOnTheResourcesItMakesThemOn() throws Exception {
    Set<String> granted = granted();
    String table = DYNAMODB.newTable();
    try (DynamoDbClient client = enforcingClient(DYNAMODB.endpoint(), granted)) {
      runEverythingTheBotDoes(client, table);
    }

    assertThat(denied).as("calls the policy does not grant").isEmpty();
    assertThat(used).isEqualTo(granted);
  }

  private void runEverythingTheBotDoes(DynamoDbClient client, String table) {
    GuildId guild = GuildId.of(1);
    TableProvisioner provisioner =
        TableProvisioner.builder().client(client).tableName(table).build();
    provisioner.createIfMissing(); // the table exists: DescribeTable only
    assertThat(provisioner.verify()).isEmpty();
    DynamoDbConfigStore store =
        DynamoDbConfigStore.builder().client(client).tableName(table).build();
    try (ConfigCache cache = ConfigCache.builder(store).changePollInterval(Duration.ZERO).build()) {
      cache.start(); // Scan
      ChannelConfig channel = cache.saveChannel(ChannelConfig.of(guild, ChannelId.of(2)));
      cache.saveChannel(channel.withPin(true));
      cache.saveSettings(cache.settingsOrDefaults(guild).withPositionDisplayEnabled(false));
      cache.deleteChannel(guild, ChannelId.of(2));
      cache.saveChannel(ChannelConfig.of(guild, ChannelId.of(3)));
      // The purge of a guild that left: its channel and its settings, with DeleteItem alone.
      assertThat(cache.deleteGuild(guild)).isEqualTo(2);
    }
    assertThat(store.loadAll().channels()).as("nothing of the purged guild is left").isEmpty();
    assertThat(store.findSettings(guild)).isEmpty();
    // What the cache does besides: its poll, and per-key reads before a first load; doctor's
    // checks.
    store.changeMarker();
    store.findChannel(ChannelId.of(4));
    store.findChannels(guild);
    store.findSettings(guild);
    provisioner.countItemsMissingIndexKeys();
    store.saveSettings(GuildSettings.defaults(GuildId.of(5)));
  }

  /** The (action, resource) pairs the policy of docs/security.md grants. */
  private static Set<String> granted() throws Exception {
    Matcher json =
        Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL)
            .matcher(Files.readString(SECURITY_DOC));
    assertThat(json.find()).as("a JSON policy in " + SECURITY_DOC).isTrue();
    JsonNode policy = new ObjectMapper().readTree(json.group(1));
    Set<String> granted = new TreeSet<>();
    for (JsonNode statement : policy.get("Statement")) {
      assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
      String resource = statement.get("Resource").asText();
      assertThat(resource).startsWith("arn:aws:dynamodb:").doesNotContain("*");
      String kind = resource.endsWith("/index/ChannelIndex") ? "index" : "table";
      JsonNode actions = statement.get("Action");
      for (JsonNode action :
          actions.isArray() ? actions : new ObjectMapper().createArrayNode().add(actions)) {
        assertThat(action.asText()).startsWith("dynamodb:").doesNotContain("*");
        granted.add(action.asText().substring("dynamodb:".length()) + " on " + kind);
      }
    }
    return granted;
  }

  /** A client that records every call, and refuses (as IAM would) those not {@code granted}. */
  private DynamoDbClient enforcingClient(URI endpoint, Set<String> granted) {
    ExecutionInterceptor recorder =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            boolean index =
                context.request() instanceof QueryRequest
                    && ((QueryRequest) context.request()).indexName() != null;
            String call =
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
                    + " on "
                    + (index ? "index" : "table");
            used.add(call);
            if (!granted.contains(call)) {
              denied.add(call);
              throw DynamoDbException.builder()
                  .statusCode(400)
                  .awsErrorDetails(
                      AwsErrorDetails.builder()
                          .errorCode("AccessDeniedException")
                          .errorMessage(call + " is not granted by the policy of " + SECURITY_DOC)
                          .build())
                  .build();
            }
          }
        };
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(
            software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.addExecutionInterceptor(recorder))
        .build();
  }
}

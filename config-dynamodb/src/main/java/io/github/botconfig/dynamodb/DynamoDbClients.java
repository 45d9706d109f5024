package io.github.botconfig.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the {@link DynamoDbClient} botconfig is tuned for: the small url-connection HTTP client,
 * the SDK's STANDARD retry mode (3 attempts, not DynamoDB's 9), a time limit per attempt and per
 * call, and optionally {@link RequestMetrics}.
 *
 * <pre>{@code
 * RequestMetrics metrics = new RequestMetrics();
 * DynamoDbClient client =
 *     DynamoDbClients.builder().region(Region.EU_WEST_3).metrics(metrics).build();
 * }</pre>
 *
 * <p>Credentials come from the SDK's default chain (environment, profile, instance role…), except
 * for an endpoint on this machine (a local test server), which gets fixed dummy credentials. The
 * client is thread-safe; close it when done. The builder's names are the SDK's ({@code region},
 * {@code endpointOverride}, {@code credentialsProvider}).
 */
public final class DynamoDbClients {
  /** The region a local endpoint is given when none is set: local servers accept any. */
  static final Region LOCAL_REGION = Region.US_EAST_1;

  /**
   * 127.x.y.z, each part a decimal number from 0 to 255 (no leading zeros: those read as octal).
   */
  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

  private DynamoDbClients() {}

  /** A builder with every setting at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether {@code endpoint} points at this machine: {@code localhost}, an IPv4 loopback address
   * written out ({@code 127.0.0.0/8}, four decimal parts) or {@code [::1]}. Decided from the text
   * alone, never by a name lookup: a host name such as {@code 127.0.0.1.example.com} is not local,
   * and it must not get the dummy credentials of a local server.
   */
  static boolean isLocal(URI endpoint) {
    String host = Objects.requireNonNullElse(endpoint.getHost(), "").toLowerCase(Locale.ROOT);
    return host.equals("localhost")
        || host.equals("[::1]")
        || host.equals("[0:0:0:0:0:0:0:1]")
        || IPV4_LOOPBACK.matcher(host).matches();
  }

  static Duration requirePositive(String what, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
    return value;
  }

  /** Settings of the client; every one has a default. Not thread-safe. */
  public static final class Builder {
    private @Nullable Region region;
    private @Nullable URI endpoint;
    private @Nullable AwsCredentialsProvider credentials;
    private @Nullable RequestMetrics metrics;
    private Duration apiCallTimeout = Duration.ofSeconds(10);
    private Duration apiCallAttemptTimeout = Duration.ofSeconds(3);
    private int maxAttempts = 3;

    private Builder() {}

    /**
     * The AWS region, such as {@code Region.EU_WEST_3} or {@code Region.of("eu-west-3")}. Default:
     * the SDK's chain ({@code AWS_REGION}, profile…).
     */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Sends requests to this endpoint instead of AWS's, e.g. {@code http://127.0.0.1:4567} for a
     * local server. Default: none (AWS, or {@code AWS_ENDPOINT_URL_DYNAMODB} when set).
     */
    public Builder endpointOverride(URI endpoint) {
      if (endpoint.getScheme() == null || endpoint.getHost() == null) {
        throw new IllegalArgumentException(
            "endpoint must be an absolute URL such as http://127.0.0.1:4567, got '"
                + endpoint
                + "'");
      }
      this.endpoint = endpoint;
      return this;
    }

    /** The credentials; default: the SDK's default chain, or dummy ones for a local endpoint. */
    public Builder credentialsProvider(AwsCredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Counts every request of the client into {@code metrics}. */
    public Builder metrics(RequestMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /** The time limit of one API call, retries included. Default 10 s. */
    public Builder apiCallTimeout(Duration timeout) {
      this.apiCallTimeout = requirePositive("apiCallTimeout", timeout);
      return this;
    }

    /** The time limit of one HTTP attempt. Default 3 s. */
    public Builder apiCallAttemptTimeout(Duration timeout) {
      this.apiCallAttemptTimeout = requirePositive("apiCallAttemptTimeout", timeout);
      return this;
    }

    /**
     * How many attempts a call makes before it fails (STANDARD retry mode, with backoff). Default
     * 3.
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be from 1 to 10, got " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if no region is set and the SDK finds none in the environment
     */
    public DynamoDbClient build() {
      ClientOverrideConfiguration.Builder override =
          ClientOverrideConfiguration.builder()
              .retryStrategy(
                  AwsRetryStrategy.standardRetryStrategy().toBuilder()
                      .maxAttempts(maxAttempts)
                      .build())
              .apiCallTimeout(apiCallTimeout)
              .apiCallAttemptTimeout(apiCallAttemptTimeout);
      if (metrics != null) {
        override.addExecutionInterceptor(metrics.interceptor());
      }
      boolean local = endpoint != null && isLocal(endpoint);
      Duration connectionTimeout = min(Duration.ofSeconds(2), apiCallAttemptTimeout);
      DynamoDbClientBuilder client =
          DynamoDbClient.builder().overrideConfiguration(override.build());
      if (endpoint != null && local && "http".equalsIgnoreCase(endpoint.getScheme())) {
        // Plain HTTP on this machine: the SDK's own connection factory would set up TLS first
        // (an SSLContext and the JDK's CA certificates, a third of a command's start) for
        // connections that never use it, and look for a proxy, which loopback never takes.
        client.httpClient(
            UrlConnectionHttpClient.create(
                uri -> plainConnection(uri, connectionTimeout, apiCallAttemptTimeout)));
      } else {
        client.httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(connectionTimeout)
                .socketTimeout(apiCallAttemptTimeout));
      }
      if (endpoint != null) {
        client.endpointOverride(endpoint);
      }
      if (region != null) {
        client.region(region);
      } else if (local) {
        client.region(LOCAL_REGION);
      }
      if (credentials != null) {
        client.credentialsProvider(credentials);
      } else if (local) {
        client.credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
      } else {
        client.credentialsProvider(DefaultCredentialsProvider.builder().build());
      }
      try {
        return client.build();
      } catch (SdkClientException e) {
        throw new IllegalStateException(
            "could not set up the DynamoDB client: "
                + e.getMessage()
                + " (set AWS_REGION, or the region in ~/.aws/config, or give one to DynamoDbClients.builder())",
            e);
      }
    }

    private static HttpURLConnection plainConnection(
        URI uri, Duration connectionTimeout, Duration socketTimeout) {
      try {
        HttpURLConnection connection =
            (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(Math.toIntExact(connectionTimeout.toMillis()));
        connection.setReadTimeout(Math.toIntExact(socketTimeout.toMillis()));
        return connection;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Duration min(Duration a, Duration b) {
      return a.compareTo(b) <= 0 ? a : b;
    }
  }
}

package io.github.botconfig.app.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.botconfig.app.launch.HealthEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /healthz} (JSON, 200 while the bot serves, 503 when it does not: {@link
 * HealthReport}) and {@code GET /metrics} (Prometheus text format: {@link BotMetrics}) on the JDK's
 * HTTP server; anything else is 404, any other method 405. Two daemon threads answer; nothing here
 * touches the message path. Thread-safe.
 */
public final class HealthServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String JSON = "application/json; charset=utf-8";
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final Page NOT_FOUND =
      new Page(404, TEXT, "not found: try /healthz or /metrics\n");

  /** One answer. */
  private record Page(int status, String contentType, String body) {}

  private final HttpServer server;
  private final ExecutorService threads;

  private HealthServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Binds and starts the server.
   *
   * @throws UncheckedIOException naming the address when it cannot be bound (the port is taken,
   *     say)
   */
  public static HealthServer start(
      HealthEndpoint endpoint, HealthCheck health, BotMetrics metrics) {
    HttpServer server;
    try {
      server = HttpServer.create(endpoint.socketAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve the health endpoint on "
              + endpoint.address().getHostAddress()
              + ":"
              + endpoint.port()
              + ": "
              + e.getMessage()
              + " (set BOTCONFIG_HEALTH_PORT to a free port)",
          e);
    }
    AtomicInteger count = new AtomicInteger();
    ExecutorService threads =
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "botconfig-health-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(threads);
    server.createContext("/", exchange -> answer(exchange, () -> NOT_FOUND));
    server.createContext(
        "/healthz",
        exchange ->
            answer(
                exchange,
                () -> {
                  HealthReport report = health.report();
                  return new Page(report.status().httpStatus(), JSON, report.toJson());
                }));
    server.createContext(
        "/metrics",
        exchange -> answer(exchange, () -> new Page(200, PROMETHEUS_TEXT, metrics.scrape())));
    server.start();
    HealthServer started = new HealthServer(server, threads);
    LOG.info("Serving /healthz and /metrics on http://{}", started.describe());
    return started;
  }

  /** Where it listens (the actual port when 0 was asked). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private String describe() {
    InetSocketAddress address = address();
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /**
   * Answers a GET (or HEAD) of the context's exact path with what {@code page} makes; 404 or 405
   * otherwise.
   */
  private static void answer(HttpExchange exchange, Supplier<Page> page) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
        send(exchange, NOT_FOUND, method);
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, new Page(405, TEXT, "method not allowed: " + method + "\n"), method);
      } else {
        send(exchange, page.get(), method);
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "the health endpoint could not answer {}: {}", exchange.getRequestURI(), e.toString());
      throw e;
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, Page page, String method) throws IOException {
    byte[] bytes = page.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", page.contentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (method.equals("HEAD")) {
      exchange.sendResponseHeaders(page.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(page.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops answering (requests in flight get a second to finish) and ends its threads. */
  @Override
  public void close() {
    server.stop(1);
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

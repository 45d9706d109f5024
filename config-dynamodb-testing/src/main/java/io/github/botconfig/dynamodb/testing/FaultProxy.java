package io.github.botconfig.dynamodb.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP proxy on 127.0.0.1 between a DynamoDB client and a local DynamoDB server that injects
 * faults on demand: latency, connection resets, and DynamoDB's own error answers ({@link Fault}) —
 * for every request, the next few, the n-th, or a share of them, optionally only for some
 * operations. Point the client at {@link #endpoint()}.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(dynalite.endpoint());
 *     DynamoDbClient client = DynamoDbClients.builder().endpointOverride(proxy.endpoint()).build()) {
 *   proxy.failNext(2, FaultProxy.Fault.THROTTLING);    // the SDK's retries get through
 *   proxy.failAll(FaultProxy.Fault.CONNECTION_RESET);  // the store is down
 *   proxy.heal();
 * }
 * }</pre>
 *
 * <p>It speaks just enough HTTP/1.1 for the SDK: one request per connection (it answers {@code
 * Connection: close}). When the server behind it is gone, the client's connection is reset, as it
 * would be by a server that is down; {@link #retarget} points it at a restarted server.
 * Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
  /** What a faulty request gets instead of the server's answer. */
  public enum Fault {
    /** 400 {@code ThrottlingException}: the SDK retries it, with backoff. */
    THROTTLING(
        400,
        "com.amazon.coral.availability#ThrottlingException",
        "Rate of requests exceeds the allowed throughput."),
    /**
     * 400 {@code ProvisionedThroughputExceededException}: the table's capacity is used up; retried.
     */
    PROVISIONED_THROUGHPUT_EXCEEDED(
        400,
        "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
        "The level of configured provisioned throughput for the table was exceeded."),
    /** 500 {@code InternalServerError}; retried. */
    INTERNAL_SERVER_ERROR(
        500, "com.amazon.coral.service#InternalServerError", "Internal server error"),
    /** 503 {@code ServiceUnavailable}; retried. */
    SERVICE_UNAVAILABLE(
        503, "com.amazon.coral.service#ServiceUnavailableException", "Service unavailable"),
    /** The connection is reset (TCP RST) before any answer: a server that died mid-request. */
    CONNECTION_RESET(0, "", ""),
    /** No answer at all until the client gives up (or the proxy closes): a server that hangs. */
    NO_ANSWER(0, "", ""),
    /**
     * The request reaches the server, which carries it out, but its answer is lost (the connection
     * is reset): the client cannot know whether it was done.
     */
    ANSWER_LOST(0, "", "");

    final int status;
    final String type;
    final String message;

    Fault(int status, String type, String message) {
      this.status = status;
      this.type = type;
      this.message = message;
    }
  }

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private final ServerSocket server;
  private final ExecutorService connections;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicLong requests = new AtomicLong();
  private final LongAdder injected = new LongAdder();
  private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
  private final Random random = new Random(42);
  private volatile URI target;
  private volatile Plan plan = Plan.HEALTHY;
  private volatile Duration latency = Duration.ZERO;
  private volatile Set<String> delayedOperations = Set.of();

  /**
   * Which requests fail, and how: the {@code from}-th to {@code to}-th request (counted from 1
   * since the plan was set, among requests of its operations only), each with probability {@code
   * share}. Thread-safe.
   */
  private record Plan(
      Optional<Fault> fault,
      long from,
      long to,
      double share,
      Set<String> operations,
      AtomicLong seen) {
    static final Plan HEALTHY = new Plan(Optional.empty(), 0, 0, 0, Set.of(), new AtomicLong());

    Optional<Fault> faultFor(String operation, Random random) {
      if (fault.isEmpty() || (!operations.isEmpty() && !operations.contains(operation))) {
        return Optional.empty();
      }
      long n = seen.incrementAndGet();
      if (n < from || n > to) {
        return Optional.empty();
      }
      if (share < 1) {
        synchronized (random) {
          if (random.nextDouble() >= share) {
            return Optional.empty();
          }
        }
      }
      return fault;
    }
  }

  private FaultProxy(ServerSocket server, URI target) {
    this.server = server;
    this.target = target;
    AtomicInteger threads = new AtomicInteger();
    this.connections =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "fault-proxy-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    connections.execute(this::accept);
  }

  /** Starts a proxy to {@code target} (an {@code http://} endpoint) on a free port of 127.0.0.1. */
  public static FaultProxy start(URI target) {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      return new FaultProxy(server, target);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fault proxy on 127.0.0.1", e);
    }
  }

  /** Where clients send their requests. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Sends the requests that get through to another server from now on (a restarted one). */
  public FaultProxy retarget(URI newTarget) {
    this.target = newTarget;
    return this;
  }

  /** Every request fails with {@code fault} until {@link #heal()}. */
  public FaultProxy failAll(Fault fault) {
    return failing(fault, 1, Long.MAX_VALUE, 1);
  }

  /** The next {@code count} requests fail with {@code fault}; later ones get through. */
  public FaultProxy failNext(int count, Fault fault) {
    return failing(fault, 1, count, 1);
  }

  /** Only the {@code n}-th request from now (1 is the next one) fails with {@code fault}. */
  public FaultProxy failNth(int n, Fault fault) {
    return failing(fault, n, n, 1);
  }

  /**
   * Each request fails with {@code fault} with probability {@code share} (0 to 1; the draws are
   * seeded).
   */
  public FaultProxy failShare(double share, Fault fault) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be from 0 to 1, got " + share);
    }
    return failing(fault, 1, Long.MAX_VALUE, share);
  }

  /**
   * Limits the current faults to these operations (as in the {@code X-Amz-Target} header: {@code
   * UpdateItem}, {@code Scan}, …); requests of other operations get through, and do not count
   * towards "next" or "n-th".
   */
  public FaultProxy onlyFor(String... operations) {
    Plan current = plan;
    plan =
        new Plan(
            current.fault(),
            current.from(),
            current.to(),
            current.share(),
            Set.of(operations),
            new AtomicLong());
    return this;
  }

  /** Adds this much time before each request is forwarded (zero: none). */
  public FaultProxy delay(Duration added) {
    return delay(added, new String[0]);
  }

  /**
   * Adds this much time before each request of these operations is forwarded (none given: of every
   * operation).
   */
  public FaultProxy delay(Duration added, String... operations) {
    this.delayedOperations = Set.of(operations);
    this.latency = added;
    return this;
  }

  /** No more faults and no added latency; {@link #endpoint()} behaves as the server behind it. */
  public FaultProxy heal() {
    plan = Plan.HEALTHY;
    latency = Duration.ZERO;
    return this;
  }

  /** Requests received so far. */
  public long requests() {
    return requests.get();
  }

  /** Requests that got a fault instead of the server's answer. */
  public long injected() {
    return injected.sum();
  }

  /** Requests received so far of one operation ({@code UpdateItem}, {@code Scan}, …). */
  public long requests(String operation) {
    LongAdder count = byOperation.get(operation);
    return count == null ? 0 : count.sum();
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      server.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    open.forEach(FaultProxy::closeQuietly);
    connections.shutdownNow();
  }

  @Override
  public String toString() {
    return "FaultProxy " + endpoint() + " -> " + target;
  }

  private FaultProxy failing(Fault fault, long from, long to, double share) {
    plan = new Plan(Optional.of(fault), from, to, share, Set.of(), new AtomicLong());
    return this;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        connections.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      String headers = new String(head, StandardCharsets.ISO_8859_1);
      byte[] body = in.readNBytes(contentLength(headers));
      String operation = operationOf(headers);
      byOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
      requests.incrementAndGet();
      Optional<Fault> fault = plan.faultFor(operation, random);
      Set<String> delayed = delayedOperations;
      boolean delays = delayed.isEmpty() || delayed.contains(operation);
      if (delays && !latency.isZero() && closed.await(latency.toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
      if (fault.isPresent()) {
        injected.increment();
        answerWith(fault.get(), head, body, client);
        return;
      }
      try {
        forward(head, body, client.getOutputStream());
      } catch (java.net.ConnectException e) {
        reset(client); // the server is down: the client sees what it would see without the proxy
      }
    } catch (IOException e) {
      // The client went away, or we reset it: nothing to answer.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(client);
    }
  }

  private void answerWith(Fault fault, byte[] head, byte[] body, Socket client)
      throws IOException, InterruptedException {
    switch (fault) {
      case ANSWER_LOST -> {
        forward(head, body, OutputStream.nullOutputStream());
        reset(client);
      }
      case CONNECTION_RESET -> reset(client);
      case NO_ANSWER -> closed.await();
      default -> {
        byte[] error =
            ("{\"__type\":\"" + fault.type + "\",\"message\":\"" + fault.message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        String errorHead =
            "HTTP/1.1 "
                + fault.status
                + " "
                + reason(fault.status)
                + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "x-amzn-RequestId: fault-proxy-"
                + requests.get()
                + "\r\n"
                + "Content-Length: "
                + error.length
                + "\r\n"
                + "Connection: close\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(errorHead.getBytes(StandardCharsets.ISO_8859_1));
        out.write(error);
        out.flush();
      }
    }
  }

  /**
   * Sends the request to the server and its answer to {@code answer}; throws if the server cannot
   * be reached.
   */
  private void forward(byte[] head, byte[] body, OutputStream answer) throws IOException {
    URI to = target;
    try (Socket upstream = new Socket()) {
      upstream.connect(
          new InetSocketAddress(to.getHost(), to.getPort()), (int) CONNECT_TIMEOUT.toMillis());
      OutputStream out = upstream.getOutputStream();
      out.write(
          withConnectionClose(new String(head, StandardCharsets.ISO_8859_1))
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      // The server answers "Connection: close" and closes after its answer: relay everything until
      // then.
      upstream.getInputStream().transferTo(answer);
      answer.flush();
    }
  }

  private static String withConnectionClose(String head) {
    StringBuilder rewritten = new StringBuilder();
    for (String line : head.split("\r\n", -1)) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
        rewritten.append(line).append("\r\n");
      }
    }
    return rewritten.append("Connection: close\r\n\r\n").toString();
  }

  /** The request line and headers, up to and including the blank line; null at end of stream. */
  private static byte @Nullable [] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b; (b = in.read()) != -1; ) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == end.length) {
        byte[] all = head.toByteArray();
        return java.util.Arrays.copyOf(all, all.length - end.length);
      }
    }
    return null;
  }

  private static int contentLength(String headers) {
    return header(headers, "content-length").map(String::strip).map(Integer::parseInt).orElse(0);
  }

  private static String operationOf(String headers) {
    // X-Amz-Target: DynamoDB_20120810.UpdateItem
    return header(headers, "x-amz-target")
        .map(t -> t.substring(t.indexOf('.') + 1).strip())
        .orElse("");
  }

  private static Optional<String> header(String headers, String name) {
    for (String line : headers.split("\r\n", -1)) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(line.substring(colon + 1));
      }
    }
    return Optional.empty();
  }

  private static void reset(Socket client) throws IOException {
    client.setSoLinger(true, 0); // close with RST, not FIN
    client.close();
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Error";
    };
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing anyway.
    }
  }
}

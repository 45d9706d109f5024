package io.github.botconfig.bot.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * The REST half of the {@link FakeDiscord}: answers the routes the bot uses, keeps the state they
 * change (sent messages, pins), and records every call. Thread-safe: one lock guards everything.
 */
final class FakeRest {
  private static final String API = "/api/v10/";
  private static final Pattern MESSAGES = Pattern.compile("channels/(\\d+)/messages");
  private static final Pattern MESSAGE = Pattern.compile("channels/(\\d+)/messages/(\\d+)");
  private static final Pattern PIN = Pattern.compile("channels/(\\d+)/messages/pins/(\\d+)");
  private static final Pattern PINS = Pattern.compile("channels/(\\d+)/messages/pins");
  private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
  private static final Pattern ORIGINAL =
      Pattern.compile("webhooks/(\\d+)/([^/]+)/messages/@original");
  private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");
  private static final Pattern COMMANDS =
      Pattern.compile("applications/(\\d+)(/guilds/\\d+)?/commands");

  private final FakeDiscord discord;
  private final AtomicLong ids;
  private final FakeMessages messages;
  private final List<RestCall> calls = new ArrayList<>();
  private final List<RestCall> unhandled = new ArrayList<>();
  private final Map<Long, LinkedHashMap<Long, Instant>> pins = new HashMap<>();

  /** Who posted each prepared pin's message (absent: the bot). */
  private final Map<Long, DataObject> pinAuthors = new HashMap<>();

  private final Map<Long, Integer> pinLimits = new HashMap<>();
  private final Set<Long> pinsRefused = new HashSet<>();

  /**
   * A route answered 404 because the fake does not know it (not an answer such as "Unknown
   * Message").
   */
  private static final MockResponse NO_ROUTE = error(404, 0, "404: Not Found");

  FakeRest(FakeDiscord discord, AtomicLong ids, FakeMessages messages) {
    this.discord = discord;
    this.ids = ids;
    this.messages = messages;
  }

  MockResponse handle(RecordedRequest request) throws IOException {
    String path = request.getUrl().encodedPath();
    path = path.startsWith(API) ? path.substring(API.length()) : path;
    RestCall call = parse(request.getMethod(), path, request);
    MockResponse response = route(call);
    synchronized (this) {
      calls.add(call);
      if (response == NO_ROUTE) {
        unhandled.add(call);
      }
      notifyAll();
    }
    return response;
  }

  private MockResponse route(RestCall call) {
    Matcher m;
    if (call.is("GET", "users/@me")) {
      return json(200, discord.botUser());
    }
    if (call.is("GET", "gateway/bot")) {
      // What a shard manager with an "auto" total asks first: the address, and how many shards to
      // run.
      return json(
          200,
          DataObject.empty()
              .put("url", discord.gatewayUrl())
              .put("shards", discord.shardTotal())
              .put(
                  "session_start_limit",
                  DataObject.empty()
                      .put("total", 1000)
                      .put("remaining", 1000)
                      .put("reset_after", 0)
                      .put("max_concurrency", FakeDiscord.MAX_CONCURRENCY)));
    }
    if (call.method().equals("POST") && (m = MESSAGES.matcher(call.path())).matches()) {
      return json(200, sent(Long.parseLong(m.group(1)), call));
    }
    if (call.method().equals("GET") && (m = MESSAGES.matcher(call.path())).matches()) {
      return json(200, history(Long.parseLong(m.group(1)), call));
    }
    if ((m = MESSAGE.matcher(call.path())).matches()) {
      return message(call, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }
    if ((m = PIN.matcher(call.path())).matches()) {
      return pin(call.method(), Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }
    if (call.method().equals("GET") && (m = PINS.matcher(call.path())).matches()) {
      return json(200, pinList(Long.parseLong(m.group(1))));
    }
    if (call.method().equals("POST") && CALLBACK.matcher(call.path()).matches()) {
      return new MockResponse.Builder().code(204).build();
    }
    if (call.method().equals("PATCH") && (m = ORIGINAL.matcher(call.path())).matches()) {
      return json(200, discord.interactionReply(m.group(2), call.body().getString("content", "")));
    }
    if (call.method().equals("PUT") && COMMANDS.matcher(call.path()).matches()) {
      return json(
          200,
          registered(call.json().map(j -> j.getArray(RestCall.ARRAY)).orElseGet(DataArray::empty)));
    }
    return NO_ROUTE;
  }

  private DataArray history(long channelId, RestCall call) {
    int limit =
        Math.min(
            FakeMessages.MAX_LIMIT,
            call.query("limit").map(Integer::parseInt).orElse(FakeMessages.DEFAULT_LIMIT));
    return messages.page(
        channelId,
        call.query("before").map(Long::parseLong),
        call.query("after").map(Long::parseLong),
        limit);
  }

  /** Edits or deletes one message; a message that does not exist is Discord's "Unknown Message". */
  private MockResponse message(RestCall call, long channelId, long messageId) {
    if (call.method().equals("PATCH")) {
      return messages
          .edit(channelId, messageId, call.body(), discord.now())
          .map(edited -> json(200, edited))
          .orElseGet(FakeRest::unknownMessage);
    }
    if (call.method().equals("DELETE")) {
      if (!messages.delete(channelId, messageId)) {
        return unknownMessage();
      }
      discord.messageDeleted(channelId, messageId);
      return new MockResponse.Builder().code(204).build();
    }
    return NO_ROUTE;
  }

  private static MockResponse unknownMessage() {
    return error(404, 10008, "Unknown Message");
  }

  private synchronized DataObject sent(long channelId, RestCall call) {
    long id = messages.nextId();
    DataObject message =
        DiscordJson.message(
            id,
            channelId,
            discord.guildOfChannel(channelId),
            discord.botUser(),
            call.body().getString("content", ""));
    call.body()
        .optArray("embeds")
        .ifPresent(embeds -> message.put("embeds", FakeMessages.rich(embeds)));
    DataArray attachments = DataArray.empty();
    for (RestCall.FilePart file : call.files()) {
      attachments.add(
          DataObject.empty()
              .put("id", Long.toString(ids.incrementAndGet()))
              .put("filename", file.fileName())
              .put("size", file.bytes().length)
              .put("url", "http://127.0.0.1/attachments/" + file.fileName())
              .put("proxy_url", "http://127.0.0.1/attachments/" + file.fileName()));
    }
    message.put("attachments", attachments);
    messages.add(channelId, message);
    return message;
  }

  private synchronized MockResponse pin(String method, long channelId, long messageId) {
    LinkedHashMap<Long, Instant> channelPins =
        pins.computeIfAbsent(channelId, c -> new LinkedHashMap<>());
    if (method.equals("DELETE")) {
      channelPins.remove(messageId);
      return new MockResponse.Builder().code(204).build();
    }
    if (pinsRefused.contains(channelId)) {
      return error(403, 50013, "Missing Permissions");
    }
    if (channelPins.size() >= pinLimits.getOrDefault(channelId, 50)) {
      return error(400, 30003, "Maximum number of pins reached (50)");
    }
    channelPins.put(messageId, discord.now());
    return new MockResponse.Builder().code(204).build();
  }

  private synchronized DataObject pinList(long channelId) {
    DataArray items = DataArray.empty();
    pins.getOrDefault(channelId, new LinkedHashMap<>()).entrySet().stream()
        .sorted(Map.Entry.<Long, Instant>comparingByValue(Comparator.reverseOrder()))
        .forEach(
            pin ->
                items.add(
                    DataObject.empty()
                        .put("pinned_at", DiscordJson.timestamp(pin.getValue()))
                        .put(
                            "message",
                            messages
                                .get(channelId, pin.getKey())
                                .orElseGet(
                                    () ->
                                        DiscordJson.message(
                                            pin.getKey(),
                                            channelId,
                                            discord.guildOfChannel(channelId),
                                            pinAuthors.getOrDefault(
                                                pin.getKey(), discord.botUser()),
                                            "an older pin")))));
    return DataObject.empty().put("items", items).put("has_more", false);
  }

  private DataArray registered(DataArray commands) {
    DataArray echoed = DataArray.empty();
    for (int i = 0; i < commands.length(); i++) {
      echoed.add(
          commands
              .getObject(i)
              .put("id", Long.toString(ids.incrementAndGet()))
              .put("application_id", Long.toString(FakeDiscord.APPLICATION_ID))
              .put("version", "1"));
    }
    return echoed;
  }

  /**
   * Pins {@code count} older messages in a channel, the first pinned first, and caps its pins at
   * {@code limit}.
   */
  synchronized void preparePins(
      long channelId, int count, int limit, Instant firstPinnedAt, @Nullable DataObject author) {
    LinkedHashMap<Long, Instant> channelPins =
        pins.computeIfAbsent(channelId, c -> new LinkedHashMap<>());
    for (int i = 0; i < count; i++) {
      long id = ids.incrementAndGet();
      channelPins.put(id, firstPinnedAt.plusSeconds(i));
      if (author != null) {
        pinAuthors.put(id, author);
      }
    }
    pinLimits.put(channelId, limit);
  }

  synchronized void refusePins(long channelId) {
    pinsRefused.add(channelId);
  }

  synchronized List<Long> pinnedIds(long channelId) {
    return List.copyOf(pins.getOrDefault(channelId, new LinkedHashMap<>()).keySet());
  }

  synchronized List<RestCall> calls() {
    return List.copyOf(calls);
  }

  synchronized List<RestCall> unhandled() {
    return List.copyOf(unhandled);
  }

  RestCall await(Predicate<RestCall> wanted, String what) {
    Await.until(
        this, () -> calls.stream().anyMatch(wanted), () -> what + "; calls so far: " + calls);
    synchronized (this) {
      return calls.stream().filter(wanted).findFirst().orElseThrow();
    }
  }

  void awaitCount(Predicate<RestCall> wanted, int count, String what) {
    Await.until(
        this,
        () -> calls.stream().filter(wanted).count() >= count,
        () -> what + "; calls so far: " + calls);
  }

  private static RestCall parse(String method, String path, RecordedRequest request)
      throws IOException {
    ByteString body = request.getBody();
    String contentType = request.getHeaders().get("Content-Type");
    Map<String, String> query = new HashMap<>();
    HttpUrl url = request.getUrl();
    url.queryParameterNames()
        .forEach(name -> query.put(name, String.valueOf(url.queryParameter(name))));
    if (body == null || body.size() == 0 || contentType == null) {
      return new RestCall(method, path, Optional.empty(), List.of(), query);
    }
    MediaType type = MediaType.parse(contentType);
    if (type != null && type.subtype().equals("form-data")) {
      return parseMultipart(method, path, body, type.parameter("boundary"), query);
    }
    String text = body.utf8();
    DataObject json =
        text.startsWith("[")
            ? DataObject.empty().put(RestCall.ARRAY, DataArray.fromJson(text))
            : DataObject.fromJson(text);
    return new RestCall(method, path, Optional.of(json), List.of(), query);
  }

  private static RestCall parseMultipart(
      String method, String path, ByteString body, String boundary, Map<String, String> query)
      throws IOException {
    Optional<DataObject> json = Optional.empty();
    List<RestCall.FilePart> files = new ArrayList<>();
    try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary)) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String disposition = String.valueOf(part.headers().get("Content-Disposition"));
        byte[] bytes = part.body().readByteArray();
        Matcher fileName = FILE_NAME.matcher(disposition);
        if (fileName.find()) {
          files.add(new RestCall.FilePart(fileName.group(1), bytes));
        } else if (disposition.contains("name=\"payload_json\"")) {
          json = Optional.of(DataObject.fromJson(new String(bytes, StandardCharsets.UTF_8)));
        }
      }
    }
    return new RestCall(method, path, json, files, query);
  }

  private static MockResponse json(int code, Object body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  static MockResponse error(int status, int code, String message) {
    return json(status, DataObject.empty().put("code", code).put("message", message));
  }
}

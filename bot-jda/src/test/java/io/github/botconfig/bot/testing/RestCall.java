package io.github.botconfig.bot.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * One REST request the bot made to the {@link FakeDiscord}.
 *
 * @param method {@code GET}, {@code POST}, …
 * @param path the route below the API version, such as {@code channels/42/messages}
 * @param json the JSON body (or a multipart request's {@code payload_json}), if any; a JSON array
 *     is given under the key {@value #ARRAY}
 * @param files the files of a multipart request
 * @param query the query parameters ({@code limit}, {@code after}, …)
 */
public record RestCall(
    String method,
    String path,
    Optional<DataObject> json,
    List<FilePart> files,
    Map<String, String> query) {

  /** The key under which a JSON array body is given. */
  public static final String ARRAY = "array";

  /** A file sent in a multipart request. */
  public record FilePart(String fileName, byte[] bytes) {}

  public RestCall {
    files = List.copyOf(files);
    query = Map.copyOf(query);
  }

  /** A query parameter, if the call has it. */
  public Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name));
  }

  /**
   * Whether this call is {@code method} on a path matching the regular expression {@code
   * pathPattern}.
   */
  public boolean is(String method, String pathPattern) {
    return this.method.equals(method) && path.matches(pathPattern);
  }

  /** The JSON body; fails the test when there is none. */
  public DataObject body() {
    return json.orElseThrow(() -> new AssertionError(method + " " + path + " has no JSON body"));
  }

  /** The method, path, and the start of the body: enough to read in a failure message. */
  @Override
  public String toString() {
    String body = json.map(DataObject::toString).orElse("");
    return method
        + " "
        + path
        + (query.isEmpty() ? "" : " " + query)
        + (body.isEmpty() ? "" : " " + (body.length() > 160 ? body.substring(0, 160) + "…" : body))
        + (files.isEmpty() ? "" : " + " + files.size() + " file(s)");
  }
}

package io.github.botconfig.dynamodb;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The aws CLI, where installed (PATH or pyenv's shims), pointed at a local endpoint with dummy
 * credentials.
 */
final class AwsCli {
  private final Path executable;
  private final URI endpoint;

  private AwsCli(Path executable, URI endpoint) {
    this.executable = executable;
    this.endpoint = endpoint;
  }

  static Optional<AwsCli> find(URI endpoint) {
    List<Path> candidates = new ArrayList<>();
    for (String dir :
        Optional.ofNullable(System.getenv("PATH")).orElse("").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Paths.get(dir, "aws"));
      }
    }
    candidates.add(Paths.get(System.getProperty("user.home"), ".pyenv", "shims", "aws"));
    return candidates.stream()
        .filter(Files::isExecutable)
        .findFirst()
        .map(path -> new AwsCli(path, endpoint));
  }

  /** Runs {@code aws ARGS --endpoint-url ENDPOINT}; returns its output, or fails with it. */
  String run(Path home, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint-url", endpoint.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", "dummy");
    env.put("AWS_SECRET_ACCESS_KEY", "dummy");
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("aws " + String.join(" ", args) + " failed:\n" + output);
    }
    return output;
  }
}

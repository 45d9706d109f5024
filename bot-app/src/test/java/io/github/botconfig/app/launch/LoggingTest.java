package io.github.botconfig.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconfig.app.json.ConfigJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    Logging.configure("WARN", LogFormat.TEXT);
  }

  private String logOne(String level, LogFormat format) {
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    Logging.configure(level, format);
    LoggerFactory.getLogger("botconfig.test").info("loaded {} channels", 60);
    LoggerFactory.getLogger("botconfig.test").debug("not shown at INFO");
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textIsOneReadableLinePerEventOnStandardError() {
    String out = logOne("INFO", LogFormat.TEXT);

    assertThat(out.lines()).hasSize(1);
    assertThat(out)
        .contains("INFO ")
        .contains("botconfig.test - loaded 60 channels")
        .doesNotContain("not shown");
  }

  @Test
  void jsonIsOneObjectPerLine() throws Exception {
    String out = logOne("INFO", LogFormat.JSON);

    assertThat(out.lines()).hasSize(1);
    JsonNode line = ConfigJson.mapper().readTree(out);
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("loggerName").asText()).isEqualTo("botconfig.test");
    assertThat(line.get("formattedMessage").asText()).isEqualTo("loaded 60 channels");
  }

  @Test
  void theLevelIsHonoured() {
    assertThat(logOne("WARN", LogFormat.TEXT)).isEmpty();
  }
}

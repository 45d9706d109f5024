package io.github.botconfig.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.app.launch.LaunchOptions;
import io.github.botconfig.app.launch.LaunchOptionsLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppComponentTest {
  private static final LaunchOptions SETTINGS =
      LaunchOptionsLoader.load(
              Map.of(
                  "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9",
                  "DISCORD_TOKEN", "a.b.c",
                  "BOTCONFIG_TABLE", "graph-test"),
              Map.of())
          .options();

  @Test
  void theGraphBuildsWithOneOfEachSingletonAndTouchesNothingUntilUsed() {
    AppComponent graph = AppComponent.create(SETTINGS);

    assertThat(graph.store()).isSameAs(graph.dynamoDbStore()).isSameAs(graph.store());
    assertThat(graph.client()).isSameAs(graph.client());
    assertThat(graph.cache()).isSameAs(graph.cache());
    assertThat(graph.bot()).isSameAs(graph.bot());
    assertThat(graph.scheduler()).isSameAs(graph.scheduler());
    assertThat(graph.dynamoDbStore().tableName()).isEqualTo("graph-test");
    assertThat(graph.cache().status().isLoaded()).as("not started: nothing was read").isFalse();
    assertThat(graph.metrics().snapshot().calls()).isZero();
    graph.close();
  }

  @Test
  void closingReleasesInReverseOrderAndTwiceIsHarmless() {
    AppComponent graph = AppComponent.create(SETTINGS);
    var scheduler = graph.scheduler();
    graph.cache();

    graph.close();
    graph.close();

    assertThat(scheduler.isShutdown()).isTrue();
  }
}

package io.github.botconfig.bot.internal.guild;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.botconfig.bot.internal.guild.GuildWarnings.Feature;
import io.github.botconfig.domain.GuildId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class GuildWarningsTest {
  private static final GuildId GUILD = GuildId.of(1);
  private final GuildWarnings warnings = new GuildWarnings();
  private final Logger logger = (Logger) LoggerFactory.getLogger(GuildWarnings.class);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Level level = logger.getLevel();

  GuildWarningsTest() {
    log.start();
    logger.addAppender(log);
    logger.setLevel(Level.INFO); // the tests' configuration shows warnings only
  }

  @AfterEach
  void detach() {
    logger.detachAppender(log);
    logger.setLevel(level);
  }

  private long warnings() {
    return log.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
  }

  @Test
  void aProblemIsLoggedOncePerGuildFeatureAndProblem() {
    for (int run = 0; run < 5; run++) {
      warnings.report(GUILD, Feature.SUMMARIES, Optional.of("no global channel is set"));
    }
    warnings.report(GUILD, Feature.BOARD, Optional.of("no global channel is set"));
    warnings.report(GuildId.of(2), Feature.SUMMARIES, Optional.of("no global channel is set"));

    assertThat(warnings()).isEqualTo(3);
    assertThat(log.list.get(0).getFormattedMessage())
        .isEqualTo("guild 1: summaries cannot be posted: no global channel is set");
    assertThat(warnings.problem(GUILD, Feature.SUMMARIES)).contains("no global channel is set");
  }

  @Test
  void anotherProblemOrTheSameAfterARepairIsLoggedAgain() {
    warnings.report(GUILD, Feature.SUMMARIES, Optional.of("no global channel is set"));
    warnings.report(
        GUILD, Feature.SUMMARIES, Optional.of("the global channel <#5> no longer exists"));
    warnings.report(GUILD, Feature.SUMMARIES, Optional.empty());
    warnings.report(GUILD, Feature.SUMMARIES, Optional.empty());
    warnings.report(GUILD, Feature.SUMMARIES, Optional.of("no global channel is set"));

    assertThat(warnings()).isEqualTo(3);
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.INFO).hasSize(1);
  }
}

package io.github.botconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.botconfig.domain.testing.HostileValues;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every parser of admin input, over arbitrary text: it returns a value whose text form parses back
 * to the same value, or refuses with {@link InvalidConfigException} naming the value — never
 * another exception, never a message that grows with the input or breaks a log line.
 */
class ParsingPropertiesTest {
  /** Room for a message, the quoted value (64 characters at most) and its length. */
  private static final int MAX_MESSAGE = 400;

  @Test
  void anIdParsesBackToItsOwnTextOrIsRefusedNamingIt() {
    qt().forAll(hostileText())
        .checkAssert(
            text -> {
              assertRoundTripOrRefusal(text, ChannelId::of, ChannelId::toString);
              assertRoundTripOrRefusal(text, GuildId::of, GuildId::toString);
            });
  }

  @Test
  void everyPositiveLongIsAnIdWhoseTextIsItsDecimalForm() {
    qt().forAll(longs().between(1, Long.MAX_VALUE))
        .checkAssert(
            value -> {
              assertThat(ChannelId.of(Long.toString(value))).isEqualTo(ChannelId.of(value));
              assertThat(GuildId.of(Long.toString(value)).toString())
                  .isEqualTo(Long.toString(value));
            });
  }

  @Test
  void aThresholdParsesBackToItselfOrIsRefusedNamingTheValue() {
    Gen<String> numbers =
        Generate.oneOf(
            doubles().any().map(d -> Double.toString(d)),
            textOf("0123456789.-+eE%, ", 20),
            Generate.pick(HostileValues.THRESHOLDS),
            Generate.pick(
                List.of("TP", "sl", "tp/sl", " none ", "TP/", "/SL", "1000000", "0.000001")));
    qt().forAll(numbers.mix(hostileText()))
        .checkAssert(text -> assertRoundTripOrRefusal(text, Threshold::parse, Threshold::toString));
  }

  @Test
  void aPercentageIsAcceptedExactlyFromZeroToTheMaximum() {
    Gen<Double> edges =
        Generate.pick(
            List.of(
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                -0.0,
                -Double.MIN_VALUE,
                Threshold.MAX_PERCENT,
                Math.nextUp(Threshold.MAX_PERCENT)));
    qt().forAll(doubles().any().mix(edges, 30))
        .checkAssert(
            percent -> {
              Throwable refused = catchThrowable(() -> Threshold.percent(percent));
              if (percent >= 0 && percent <= Threshold.MAX_PERCENT) {
                assertThat(refused).isNull();
                assertThat(Threshold.percent(percent).percent().orElseThrow())
                    .isEqualTo(percent == 0 ? 0 : percent);
              } else {
                assertThat(refused)
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageStartingWith(
                        "threshold percentage must be a number from 0 to 1000000, got '");
              }
            });
  }

  @Test
  void aPercentageWithSixDecimalsAtMostRoundTripsThroughItsText() {
    qt().forAll(doubles().between(0, Threshold.MAX_PERCENT))
        .checkAssert(
            percent -> {
              Threshold threshold =
                  Threshold.percent(Math.round(percent * 1_000_000) / 1_000_000.0);
              assertThat(Threshold.parse(threshold.toString())).isEqualTo(threshold);
            });
  }

  @Test
  void aTagParsesBackToItselfOrIsRefusedNamingTheValue() {
    Gen<String> tags =
        Generate.pick(List.of("user", "role", "USER", "Role", "channel", ""))
            .zip(hostileText(), (type, id) -> type + ":" + id);
    qt().forAll(tags.mix(hostileText()))
        .checkAssert(
            text ->
                assertRoundTripOrRefusal(
                    text,
                    Tag::parse,
                    tag -> tag.type().name().toLowerCase(Locale.ROOT) + ":" + tag.idText()));
  }

  @Test
  void aTimezoneIsAnIanaZoneOrIsRefusedNamingTheValue() {
    Gen<String> zones =
        Generate.oneOf(
            Generate.pick(new ArrayList<>(ZoneId.getAvailableZoneIds())),
            Generate.pick(HostileValues.TIMEZONES),
            hostileText());
    qt().forAll(zones)
        .checkAssert(
            text -> assertRoundTripOrRefusal(text, GuildSettings::parseTimezone, ZoneId::getId));
  }

  private static <T> void assertRoundTripOrRefusal(
      String text, Function<String, T> parser, Function<T, String> format) {
    T parsed;
    try {
      parsed = parser.apply(text);
    } catch (InvalidConfigException e) {
      assertThat(e.getMessage())
          .isNotBlank()
          .hasSizeLessThan(MAX_MESSAGE)
          .doesNotContain("\n")
          .doesNotContain("\r");
      return;
    }
    assertThat(parser.apply(format.apply(parsed))).isEqualTo(parsed);
  }

  /**
   * Digits and separators (unicode digits, key separators, signs, control characters), key-like
   * values, the shared hostile list (100,000 characters included), any unicode text, and longer
   * text.
   */
  static Gen<String> hostileText() {
    Gen<String> keyLike =
        Generate.pick(List.of("GUILD#", "CHANNEL#", "", "META#", "1#CHANNEL#"))
            .zip(longs().between(0, Long.MAX_VALUE), (prefix, n) -> prefix + n);
    return Generate.oneOf(
        textOf("0123456789#:+-. \t\n\u0000١٢٣１２３", 30),
        keyLike,
        Generate.pick(HostileValues.TEXT),
        strings().allPossible().ofLengthBetween(0, 40),
        strings().allPossible().ofLengthBetween(100, 300));
  }

  /** Text of up to {@code maxLength} characters taken from {@code characters}. */
  static Gen<String> textOf(String characters, int maxLength) {
    List<Character> chars = characters.chars().mapToObj(c -> (char) c).collect(Collectors.toList());
    return lists()
        .of(Generate.pick(chars))
        .ofSizeBetween(0, maxLength)
        .map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
  }
}

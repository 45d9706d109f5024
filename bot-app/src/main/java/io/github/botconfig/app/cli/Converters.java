package io.github.botconfig.app.cli;

import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads option values into domain values with the domain's own messages, so that {@code --channel
 * 12a} fails as "channel id must be a Discord snowflake (digits only), got '12a'".
 */
final class Converters {
  private Converters() {}

  static void register(CommandLine commandLine) {
    commandLine.registerConverter(GuildId.class, domain(GuildId::of));
    commandLine.registerConverter(ChannelId.class, domain(ChannelId::of));
    commandLine.registerConverter(Threshold.class, domain(Threshold::parse));
    commandLine.registerConverter(Reporters.class, domain(Reporters::parse));
    commandLine.registerConverter(ZoneId.class, domain(GuildSettings::parseTimezone));
    commandLine.registerConverter(TagOption.class, domain(TagOption::parse));
    commandLine.registerConverter(ChannelOption.class, domain(ChannelOption::parse));
    commandLine.registerConverter(Boolean.class, Converters::strictBoolean);
    commandLine.registerConverter(boolean.class, Converters::strictBoolean);
  }

  private static <T> ITypeConverter<T> domain(ITypeConverter<T> parser) {
    return text -> {
      try {
        return parser.convert(text);
      } catch (InvalidConfigException e) {
        throw new TypeConversionException(e.getMessage());
      }
    };
  }

  private static Boolean strictBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new TypeConversionException("must be true or false, got '" + text + "'");
    };
  }

  /** {@code user:ID}, {@code role:ID} or {@code none}. */
  record TagOption(Optional<Tag> tag) {
    static TagOption parse(String text) {
      return new TagOption(
          "none".equalsIgnoreCase(text.strip())
              ? Optional.empty()
              : Optional.of(Tag.parse(text.strip())));
    }
  }

  /** A channel id or {@code none}. */
  record ChannelOption(Optional<ChannelId> channel) {
    static ChannelOption parse(String text) {
      return new ChannelOption(
          "none".equalsIgnoreCase(text.strip())
              ? Optional.empty()
              : Optional.of(ChannelId.of(text.strip())));
    }
  }
}

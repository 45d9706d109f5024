package io.github.botconfig.domain.testing;

import java.util.List;

/**
 * Values an attacker, a confused admin or a broken script would type into any field: what every
 * entry point (slash options, the command line, an import file) must refuse with a clear message,
 * writing nothing. Shared by the hostile-input tests of every module so that each entry point meets
 * the same list.
 */
public final class HostileValues {
  /** 100,000 characters: far beyond any Discord option, table key or log line. */
  public static final String HUGE = "9".repeat(100_000);

  /** Text that must never be taken for an id, a threshold, a time zone or a tag. */
  public static final List<String> TEXT =
      List.of(
          "",
          " ",
          HUGE,
          "x".repeat(5_000),
          "1#CHANNEL#2",
          "GUILD#1",
          "CHANNEL#1",
          "META",
          "#",
          "1#",
          "-1",
          "+1",
          "0",
          "007",
          "1e5",
          "12.5",
          "NaN",
          "Infinity",
          "-Infinity",
          "١٢٣", // Arabic-Indic digits
          "１２３", // full-width digits
          "12\u200b3", // a zero-width space inside digits
          "\u202e321", // a right-to-left override
          "1\n2",
          "1\u0000",
          "😀",
          "'; DROP TABLE x; --",
          "${jndi:ldap://127.0.0.1/x}",
          "../../etc/passwd",
          "18446744073709551616", // 2^64
          "9223372036854775808"); // Long.MAX_VALUE + 1

  /** Thresholds that are not a percentage from 0 to 1,000,000, nor TP, SL, TP/SL or none. */
  public static final List<String> THRESHOLDS =
      List.of(
          "-1",
          "-0.5",
          "NaN",
          "nan",
          "Infinity",
          "-Infinity",
          "1e3",
          "1000000.5",
          "1000001",
          "12%",
          "12,5",
          "TP/SL/TP",
          "T P",
          "0x10",
          HUGE,
          "1#CHANNEL#2",
          "😀");

  /** Time zones that do not exist, or are not IANA names. */
  public static final List<String> TIMEZONES =
      List.of(
          "Mars/Olympus",
          "Europe/Pariss",
          "UTC+25",
          "+01:00",
          "Z",
          "1#CHANNEL#2",
          "../../etc/passwd",
          "😀",
          HUGE,
          "");

  private HostileValues() {}
}

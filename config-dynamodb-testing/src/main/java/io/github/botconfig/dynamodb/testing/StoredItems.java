package io.github.botconfig.dynamodb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Channel items as any writer might have stored them — each attribute in one of the forms a known
 * writer produces (or absent), mixed with attributes botconfig does not model — and single-field
 * changes of them, for property tests of "a write changes only what its caller named", through the
 * repository and through the CLI.
 */
public final class StoredItems {
  /** What a write may set besides the attributes its caller changed. */
  public static final Set<String> BOOKKEEPING =
      Set.of("version", "updatedAt", "createdAt", "GSI_PK", "GSI_SK", "Type");

  private StoredItems() {}

  /** A change of one field: how the CLI says it, what it does, which attributes it may write. */
  public record FieldChange(
      String name,
      List<String> cliOptions,
      UnaryOperator<ChannelConfig> apply,
      Set<String> attributes) {
    @Override
    public String toString() {
      return name + " " + cliOptions;
    }
  }

  private static Gen<Optional<AttributeValue>> oneOf(List<Optional<AttributeValue>> forms) {
    return Generate.pick(forms);
  }

  private static Optional<AttributeValue> s(String text) {
    return Optional.of(AttributeValue.fromS(text));
  }

  private static Optional<AttributeValue> n(String number) {
    return Optional.of(AttributeValue.fromN(number));
  }

  private static Optional<AttributeValue> bool(boolean value) {
    return Optional.of(AttributeValue.fromBool(value));
  }

  private static final Optional<AttributeValue> NUL = Optional.of(AttributeValue.fromNul(true));

  private static final List<Optional<AttributeValue>> BOOLEANS =
      List.of(Optional.empty(), bool(true), bool(false), n("0"), n("1"), NUL);

  private static final List<List<Optional<AttributeValue>>> TAGS =
      List.of(
          List.of(Optional.empty(), Optional.empty()),
          List.of(NUL, NUL),
          List.of(s("user"), s("1180586700000000001")),
          List.of(s("USER"), s("1180586700000000001")),
          List.of(s("Role"), n("1180586700000000002")),
          List.of(s("ROLE"), s("42")),
          List.of(s("NONE"), s("")),
          List.of(s("NONE"), NUL),
          List.of(s("user"), s("")));

  private static final List<Optional<AttributeValue>> THRESHOLDS =
      List.of(
          Optional.empty(),
          NUL,
          n("0"),
          n("15"),
          n("12.5"),
          n("1.5E1"),
          s("TP"),
          s("SL"),
          s("TP/SL"));

  private static final List<Map.Entry<String, AttributeValue>> UNKNOWN =
      List.of(
          Map.entry("forward", AttributeValue.fromBool(true)),
          Map.entry("forwardTpSl", AttributeValue.fromBool(false)),
          Map.entry("autoDeleteWarnings", AttributeValue.fromN("1")),
          Map.entry("note", AttributeValue.fromS("written by someone else")),
          Map.entry("channelId", AttributeValue.fromS("ignored")),
          Map.entry(
              "positionSizeDefaults",
              AttributeValue.fromM(
                  Map.of(
                      "walletAddress", AttributeValue.fromNul(true),
                      "stopLossPercent", AttributeValue.fromN("12.50")))),
          Map.entry(
              "history",
              AttributeValue.fromL(
                  List.of(AttributeValue.fromN("1"), AttributeValue.fromS("two")))),
          Map.entry("labels", AttributeValue.fromSs(List.of("a", "b"))),
          Map.entry("empty", AttributeValue.fromS("")));

  /**
   * A channel item under {@code GUILD#guild}/{@code CHANNEL#channel}: every modelled attribute in a
   * random known form or absent, index keys, type, times and version present or not, and some of
   * the attributes botconfig does not model.
   */
  public static Gen<Map<String, AttributeValue>> channelItems(String guild, String channel) {
    Gen<List<Optional<AttributeValue>>> tags = Generate.pick(TAGS);
    return oneOf(BOOLEANS)
        .zip(oneOf(BOOLEANS), oneOf(BOOLEANS), (image, pin, notify) -> List.of(image, pin, notify))
        .zip(
            tags,
            oneOf(THRESHOLDS),
            (bools, tag, threshold) -> {
              Map<String, Optional<AttributeValue>> modelled = new HashMap<>();
              modelled.put("image", bools.get(0));
              modelled.put("pin", bools.get(1));
              modelled.put("notifyOnClose", bools.get(2));
              modelled.put("tagType", tag.get(0));
              modelled.put("tagId", tag.get(1));
              modelled.put("threshold", threshold);
              return modelled;
            })
        .zip(
            SourceDSL.integers().between(0, 15),
            SourceDSL.lists().of(Generate.pick(UNKNOWN)).ofSizeBetween(0, 4),
            (modelled, shape, unknown) -> {
              Map<String, AttributeValue> item = new HashMap<>();
              item.put("PK", AttributeValue.fromS("GUILD#" + guild));
              item.put("SK", AttributeValue.fromS("CHANNEL#" + channel));
              if ((shape & 1) != 0) {
                item.put("GSI_PK", AttributeValue.fromS("CHANNEL#" + channel));
                item.put("GSI_SK", AttributeValue.fromS("GUILD#" + guild));
              }
              if ((shape & 2) != 0) {
                item.put("Type", AttributeValue.fromS("channel_config"));
              }
              if ((shape & 4) != 0) {
                item.put("createdAt", AttributeValue.fromN("1700000000000"));
              }
              if ((shape & 8) != 0) {
                item.put("version", AttributeValue.fromN("3"));
                item.put("updatedAt", AttributeValue.fromN("1700000000500"));
              }
              modelled.forEach((name, value) -> value.ifPresent(v -> item.put(name, v)));
              unknown.forEach(entry -> item.put(entry.getKey(), entry.getValue()));
              return Map.copyOf(item);
            });
  }

  /** One change of one field of a channel, as the CLI's {@code channels set} can make it. */
  public static Gen<FieldChange> channelChanges() {
    Gen<FieldChange> booleans =
        Generate.pick(List.of("image", "pin", "notifyOnClose"))
            .zip(
                SourceDSL.booleans().all(),
                (field, value) ->
                    new FieldChange(
                        field,
                        List.of(
                            field.equals("notifyOnClose") ? "--notify-on-close" : "--" + field,
                            Boolean.toString(value)),
                        c ->
                            field.equals("image")
                                ? c.withImage(value)
                                : field.equals("pin")
                                    ? c.withPin(value)
                                    : c.withNotifyOnClose(value),
                        Set.of(field)));
    Gen<FieldChange> thresholds =
        Generate.pick(
                List.of(
                    Threshold.NONE,
                    Threshold.percent(0),
                    Threshold.percent(15),
                    Threshold.percent(33.5),
                    Threshold.TAKE_PROFIT,
                    Threshold.STOP_LOSS,
                    Threshold.ANY_TRIGGER))
            .map(
                t ->
                    new FieldChange(
                        "threshold",
                        List.of("--threshold", t.toString()),
                        c -> c.withThreshold(t),
                        Set.of("threshold")));
    Gen<FieldChange> tags =
        Generate.pick(
                List.of(
                    Optional.<Tag>empty(),
                    Optional.of(Tag.user(1180586700000000001L)),
                    Optional.of(Tag.user(7)),
                    Optional.of(Tag.role(1180586700000000002L)),
                    Optional.of(Tag.role(42))))
            .map(
                t ->
                    new FieldChange(
                        "tag",
                        List.of(
                            "--tag",
                            t.map(
                                    tag ->
                                        tag.type().name().toLowerCase(Locale.ROOT)
                                            + ":"
                                            + tag.idText())
                                .orElse("none")),
                        c -> c.withTag(t),
                        Set.of("tagType", "tagId")));
    return Generate.oneOf(booleans, thresholds, tags);
  }

  /**
   * Asserts that every attribute outside {@code allowed} and the bookkeeping is as before, byte for
   * byte, and that bookkeeping which was there keeps its value (apart from version and updatedAt).
   */
  public static void assertOnlyChanged(
      String what,
      Map<String, AttributeValue> before,
      Map<String, AttributeValue> after,
      Set<String> allowed) {
    Set<String> names = new HashSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String name : names) {
      if (allowed.contains(name) || name.equals("version") || name.equals("updatedAt")) {
        continue;
      }
      if (BOOKKEEPING.contains(name) && !before.containsKey(name)) {
        continue; // added: index keys for Pattern 2, createdAt where missing, Type
      }
      assertThat(after.get(name)).as(what + ": attribute " + name).isEqualTo(before.get(name));
    }
  }
}

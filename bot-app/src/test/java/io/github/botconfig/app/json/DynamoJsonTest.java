package io.github.botconfig.app.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.botconfig.domain.InvalidConfigException;
import org.junit.jupiter.api.Test;

class DynamoJsonTest {
  @Test
  void anyItemWrittenAsJsonTextReadsBackEqualTypeForTypeAndDigitForDigit() {
    qt().withExamples(500)
        .forAll(RandomAttributes.attributes(8))
        .checkAssert(
            item -> {
              String text = DynamoJson.item(item).toString();
              try {
                assertThat(DynamoJson.readItem(ConfigJson.mapper().readTree(text), "item 1"))
                    .isEqualTo(item);
              } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + text, e);
              }
            });
  }

  @Test
  void aValueThatIsNotOneTypedValueIsRefusedNamingWhere() throws Exception {
    var node = ConfigJson.mapper().readTree("{\"a\":{\"M\":{\"b\":{\"S\":\"x\",\"N\":\"1\"}}}}");

    assertThatThrownBy(() -> DynamoJson.readItem(node, "item 4"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("item 4.a.b must be one typed value such as {\"S\": \"text\"}");
  }
}

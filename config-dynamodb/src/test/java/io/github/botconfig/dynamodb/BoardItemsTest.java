package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.LiveBoard;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The board item: its own key and type, never the running bot's {@code GLOBAL_MESSAGE}. */
class BoardItemsTest {
  private static final String GUILD = "1180586412434817024";

  private static Items board() {
    return Items.item("GUILD#" + GUILD, "BOARD").s("Type", "live_board");
  }

  @Test
  void aBoardItemReadsWithItsIdsAndMetadata() {
    LiveBoard board =
        BoardItems.read(
            board()
                .s("channelId", "11")
                .s("messageId", "1180586600000000001")
                .n("createdAt", "5")
                .n("updatedAt", "6")
                .n("version", "3")
                .build());

    assertThat(board)
        .isEqualTo(
            LiveBoard.of(GuildId.of(GUILD), ChannelId.of(11), 1180586600000000001L)
                .withCreatedAt(Instant.ofEpochMilli(5))
                .withUpdatedAt(Instant.ofEpochMilli(6))
                .withVersion(3));
  }

  @Test
  void idsWrittenAsNumbersReadToo() {
    assertThat(
            BoardItems.read(board().n("channelId", "11").n("messageId", "12").build()).messageId())
        .isEqualTo(12);
  }

  @Test
  void theKindFollowsTheTypeOrTheKeyButNeverTheRunningBotsGlobalMessage() {
    assertThat(ItemKind.of(board().build())).isEqualTo(ItemKind.BOARD);
    assertThat(ItemKind.of(Items.item("GUILD#" + GUILD, "BOARD").build()))
        .isEqualTo(ItemKind.BOARD);
    assertThat(
            ItemKind.of(
                Items.item("GUILD#" + GUILD, "GLOBAL_MESSAGE").s("messageId", "12").build()))
        .isEqualTo(ItemKind.OTHER);
  }

  @Test
  void aMalformedBoardNamesTheAttribute() {
    assertThatThrownBy(() -> BoardItems.read(board().s("channelId", "11").build()))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("messageId: is missing");
    assertThatThrownBy(
            () -> BoardItems.read(board().s("channelId", "#11").s("messageId", "12").build()))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("channelId: channel id must be a Discord snowflake (digits only), got '#11'");
    assertThatThrownBy(
            () -> BoardItems.read(board().s("channelId", "11").s("messageId", "0").build()))
        .isInstanceOf(MalformedItemException.class)
        .hasMessageStartingWith("messageId: message id must be a positive Discord snowflake");
  }
}

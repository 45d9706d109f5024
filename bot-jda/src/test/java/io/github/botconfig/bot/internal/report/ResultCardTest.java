package io.github.botconfig.bot.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.report.ResultReport;
import io.github.botconfig.domain.Trigger;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ResultCardTest {

  @Test
  void aProfitCardIsAGreenPngOfTheCardSize() throws IOException {
    BufferedImage card =
        decode(ResultCard.png(ResultReport.ofChange(12.5, Trigger.TAKE_PROFIT), "reports"));

    assertThat(card.getWidth()).isEqualTo(ResultCard.WIDTH);
    assertThat(card.getHeight()).isEqualTo(ResultCard.HEIGHT);
    assertThat(dominantColour(card)).isEqualTo(ResultCard.PROFIT);
  }

  @Test
  void aLossCardIsRed() throws IOException {
    BufferedImage card = decode(ResultCard.png(ResultReport.ofChange(-3), "reports"));

    assertThat(dominantColour(card)).isEqualTo(ResultCard.LOSS);
  }

  @Test
  void aStopLossWithoutPercentageIsRedAndStillHasLargeWhiteText() throws IOException {
    BufferedImage card =
        decode(ResultCard.png(ResultReport.ofTrigger(Trigger.STOP_LOSS), "a".repeat(300)));

    assertThat(dominantColour(card)).isEqualTo(ResultCard.LOSS);
    assertThat(share(card, Color.WHITE)).isGreaterThan(0.02);
  }

  @Test
  void theResultIsWrittenLargeInWhite() throws IOException {
    BufferedImage card = decode(ResultCard.png(ResultReport.ofChange(12.5), "reports"));

    // The headline is 120 px high: white covers a real share of the card, not a few pixels of a
    // caption.
    assertThat(share(card, Color.WHITE)).isGreaterThan(0.04);
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    return image;
  }

  private static Color dominantColour(BufferedImage image) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        counts.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
      }
    }
    return new Color(
        counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
  }

  private static double share(BufferedImage image, Color colour) {
    long matching = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
          matching++;
        }
      }
    }
    return (double) matching / (image.getWidth() * image.getHeight());
  }
}

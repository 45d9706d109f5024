package io.github.botconfig.bot.internal.report;

import io.github.botconfig.bot.report.ResultReport;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Draws the image attached to an alert: a card, green for a profit and red for a loss, with the
 * result large in the middle, the channel's name above it and the trigger below.
 *
 * <p>Java2D into a {@link BufferedImage}: no window, works headless ({@code
 * -Djava.awt.headless=true}); the JVM needs one installed font (fontconfig), as any Java2D text
 * does. Stateless and thread-safe.
 */
public final class ResultCard {
  /** The card's size in pixels. */
  public static final int WIDTH = 720;

  public static final int HEIGHT = 260;

  /** The background of a profit card. */
  public static final Color PROFIT = new Color(0x1E8E4F);

  /** The background of a loss card. */
  public static final Color LOSS = new Color(0xC0392B);

  private static final int MARGIN = 32;
  private static final int MAX_NAME_CHARS = 60;

  private ResultCard() {}

  /** Returns the card as PNG bytes. */
  public static byte[] png(ResultReport report, String channelName) {
    BufferedImage image = draw(report, channelName);
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("this JVM has no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PNG to memory failed", e);
    }
    return out.toByteArray();
  }

  static BufferedImage draw(ResultReport report, String channelName) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(report.isLoss() ? LOSS : PROFIT);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(Color.WHITE);

      String name =
          channelName.length() > MAX_NAME_CHARS
              ? channelName.substring(0, MAX_NAME_CHARS - 1) + "…"
              : channelName;
      drawFitted(g, "#" + name, Font.PLAIN, 30, MARGIN + 30);

      // The result is the headline; a report without one shows its trigger there instead.
      Optional<String> change = report.changeText();
      Optional<String> trigger = report.triggerText();
      String headline = change.orElseGet(() -> trigger.orElseThrow().toUpperCase(Locale.ROOT));
      drawFitted(g, headline, Font.BOLD, 120, HEIGHT / 2 + 45);
      if (change.isPresent() && trigger.isPresent()) {
        drawFitted(g, trigger.get(), Font.PLAIN, 30, HEIGHT - MARGIN);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Draws one line of text centred horizontally, shrinking the font until the line fits between the
   * margins.
   */
  private static void drawFitted(Graphics2D g, String text, int style, int size, int baseline) {
    Font font = new Font(Font.SANS_SERIF, style, size);
    FontMetrics metrics = g.getFontMetrics(font);
    int room = WIDTH - 2 * MARGIN;
    while (metrics.stringWidth(text) > room && font.getSize() > 10) {
      font = font.deriveFont((float) font.getSize() - 2);
      metrics = g.getFontMetrics(font);
    }
    g.setFont(font);
    g.drawString(text, (WIDTH - metrics.stringWidth(text)) / 2, baseline);
  }
}

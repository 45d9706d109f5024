package io.github.botconfig.app.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;

/**
 * Turns the CSV files the benchmarks write into the tables and charts of docs/performance.md, so
 * that no figure is copied by hand: markdown tables (with ratios to the reference measured in the
 * same run, their error propagated from both) on standard output, PNG charts into the file given.
 *
 * <pre>
 * java -cp ... io.github.botconfig.app.bench.BenchReport lookup find-t1.csv docs/performance-lookup.png
 * java -cp ... io.github.botconfig.app.bench.BenchReport startup startup.csv docs/performance-startup.png
 * </pre>
 */
public final class BenchReport {
  private BenchReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: BenchReport lookup|startup RESULTS.csv CHART.png");
    }
    Path csv = Path.of(args[1]);
    Path chart = Path.of(args[2]);
    switch (args[0]) {
      case "lookup" -> lookup(Csv.read(csv), chart);
      case "startup" -> startup(Csv.read(csv), chart);
      default ->
          throw new IllegalArgumentException("unknown report " + args[0] + ": lookup or startup");
    }
  }

  /**
   * JMH's CSV of FindChannelBenchmark: one table, ratios to ConcurrentHashMap and Caffeine, and a
   * chart.
   */
  private static void lookup(Csv results, Path png) throws IOException {
    String[] maps = {
      "cache",
      "cacheBySnowflake",
      "table",
      "hashMap",
      "concurrentHashMap",
      "caffeine",
      "caffeineBounded"
    };
    System.out.println(
        "| entries | lookup | `ConfigCache` | by snowflake | its table alone | `HashMap` | `ConcurrentHashMap`"
            + " | Caffeine | Caffeine, bounded | `ConfigCache` / `ConcurrentHashMap` | by snowflake / `ConcurrentHashMap`"
            + " | `ConfigCache` / Caffeine | `ConfigCache` B/op |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    BarChart chart =
        new BarChart(
            "findChannel: ns per lookup, 1 thread (shorter is faster)",
            List.of("ConfigCache", "HashMap", "ConcurrentHashMap", "Caffeine"));
    for (String entries : results.distinct("Param: entries")) {
      for (String lookup : List.of("Hit", "Miss")) {
        Map<String, double[]> score = new LinkedHashMap<>();
        for (String map : maps) {
          String method =
              map.equals("cacheBySnowflake") ? "cache" + lookup + "BySnowflake" : map + lookup;
          score.put(map, results.score(benchmark(method), entries));
        }
        double[] cache = score.get("cache");
        double[] alloc =
            results.score(benchmark("cache" + lookup) + ":gc.alloc.rate.norm", entries);
        StringBuilder row =
            new StringBuilder(
                String.format(
                    Locale.ROOT,
                    "| %,d | %s |",
                    Long.parseLong(entries),
                    lookup.toLowerCase(Locale.ROOT)));
        for (double[] s : score.values()) {
          row.append(String.format(Locale.ROOT, " %.2f ± %.2f |", s[0], s[1]));
        }
        row.append(ratio(cache, score.get("concurrentHashMap")))
            .append(ratio(score.get("cacheBySnowflake"), score.get("concurrentHashMap")))
            .append(ratio(cache, score.get("caffeine")));
        row.append(String.format(Locale.ROOT, " %.2g |", alloc[0]));
        System.out.println(row);
        chart.group(
            String.format(
                Locale.ROOT, "%,d %s", Long.parseLong(entries), lookup.toLowerCase(Locale.ROOT)),
            List.of(
                cache,
                score.get("hashMap"),
                score.get("concurrentHashMap"),
                score.get("caffeine")));
      }
    }
    chart.write(png, "ns");
  }

  /** StartupHarness's CSV: seconds to READY by size and segment count, mean of the rounds. */
  private static void startup(Csv runs, Path png) throws IOException {
    List<String> segments = runs.distinct("segments");
    BarChart chart =
        new BarChart(
            "Start-up to READY from dynalite, seconds (mean of 3 rounds; whiskers: farthest round)",
            segments.stream().map(s -> s + (s.equals("1") ? " segment" : " segments")).toList());
    System.out.println(
        "| channels | guilds | scan segments | seconds to `READY` (mean, min–max of the rounds) | Scan pages"
            + " | read units |");
    System.out.println("|---|---|---|---|---|---|");
    for (String channels : runs.distinct("channels")) {
      List<double[]> bySegments = new ArrayList<>();
      for (String segmentCount : segments) {
        Predicate<Map<String, String>> these =
            row -> row.get("channels").equals(channels) && row.get("segments").equals(segmentCount);
        List<Double> seconds = runs.column("seconds", these);
        double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double spread = seconds.stream().mapToDouble(s -> Math.abs(s - mean)).max().orElse(0);
        bySegments.add(new double[] {mean, spread});
        System.out.printf(
            Locale.ROOT,
            "| %,d | %,d | %s | %.3f (%.3f–%.3f) | %.0f | %.1f |%n",
            Long.parseLong(channels),
            runs.column("guilds", these).get(0).longValue(),
            segmentCount,
            mean,
            seconds.stream().mapToDouble(Double::doubleValue).min().orElse(0),
            seconds.stream().mapToDouble(Double::doubleValue).max().orElse(0),
            runs.column("scan_pages", these).get(0),
            runs.column("read_units", these).get(0));
      }
      chart.group(String.format(Locale.ROOT, "%,d channels", Long.parseLong(channels)), bySegments);
    }
    chart.write(png, "s");
  }

  private static String benchmark(String method) {
    return "io.github.botconfig.cache.FindChannelBenchmark." + method;
  }

  /** a / b with its 99.9 % error propagated from both (relative errors add in quadrature). */
  private static String ratio(double[] a, double[] b) {
    double r = a[0] / b[0];
    double error = r * Math.sqrt(Math.pow(a[1] / a[0], 2) + Math.pow(b[1] / b[0], 2));
    return String.format(Locale.ROOT, " %.2f ± %.2f |", r, error);
  }

  /**
   * A CSV file with a header row and quoted or plain fields without embedded commas (what JMH and
   * we write).
   */
  private record Csv(List<Map<String, String>> rows) {
    static Csv read(Path file) throws IOException {
      List<String> lines = Files.readAllLines(file);
      String[] header = split(lines.get(0));
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = split(line);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length && i < fields.length; i++) {
          row.put(header[i], fields[i]);
        }
        rows.add(row);
      }
      return new Csv(rows);
    }

    private static String[] split(String line) {
      String[] fields = line.split(",", -1);
      for (int i = 0; i < fields.length; i++) {
        fields[i] = fields[i].replace("\"", "").trim();
      }
      return fields;
    }

    List<String> distinct(String column) {
      return rows.stream()
          .map(r -> r.get(column))
          .filter(v -> v != null && !v.isEmpty())
          .distinct()
          .toList();
    }

    List<Double> column(String column, Predicate<Map<String, String>> where) {
      return rows.stream().filter(where).map(r -> Double.parseDouble(r.get(column))).toList();
    }

    /** Score and error of one JMH benchmark at one size. */
    double[] score(String benchmark, String entries) {
      Map<String, String> row =
          rows.stream()
              .filter(
                  r ->
                      benchmark.equals(r.get("Benchmark"))
                          && entries.equals(r.get("Param: entries")))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no result for " + benchmark + " at " + entries));
      String error = row.get("Score Error (99.9%)");
      return new double[] {
        Double.parseDouble(row.get("Score")),
        error == null || error.equals("NaN") ? 0 : Double.parseDouble(error)
      };
    }
  }

  /**
   * A horizontal grouped bar chart with error whiskers, drawn with Java2D into a PNG: no library
   * for so little.
   */
  private static final class BarChart {
    private static final Color[] COLOURS = {
      new Color(0x2b6cb0),
      new Color(0x9b9b9b),
      new Color(0xdd8452),
      new Color(0x55a868),
      new Color(0x8172b3)
    };
    private static final int LABEL_WIDTH = 130;
    private static final int PLOT_WIDTH = 520;
    private static final int BAR = 14;

    private final String title;
    private final List<String> series;
    private final List<String> groups = new ArrayList<>();
    private final List<List<double[]>> values = new ArrayList<>();

    BarChart(String title, List<String> series) {
      this.title = title;
      this.series = series;
    }

    void group(String label, List<double[]> meanAndError) {
      groups.add(label);
      values.add(meanAndError);
    }

    void write(Path file, String unit) throws IOException {
      double max =
          values.stream().flatMap(List::stream).mapToDouble(v -> v[0] + v[1]).max().orElse(1);
      int groupHeight = series.size() * BAR + 16;
      int height = 50 + groups.size() * groupHeight + 20 + series.size() * 18;
      BufferedImage image =
          new BufferedImage(LABEL_WIDTH + PLOT_WIDTH + 90, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), height);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      g.drawString(title, 10, 20);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      FontMetrics metrics = g.getFontMetrics();
      int y = 40;
      for (int group = 0; group < groups.size(); group++) {
        g.setColor(Color.BLACK);
        String label = groups.get(group);
        g.drawString(label, LABEL_WIDTH - 8 - metrics.stringWidth(label), y + groupHeight / 2);
        for (int s = 0; s < series.size(); s++) {
          double[] v = values.get(group).get(s);
          int top = y + s * BAR;
          int middle = top + (BAR - 2) / 2;
          int low = LABEL_WIDTH + (int) Math.round(Math.max(0, v[0] - v[1]) / max * PLOT_WIDTH);
          int high = LABEL_WIDTH + (int) Math.round((v[0] + v[1]) / max * PLOT_WIDTH);
          g.setColor(COLOURS[s % COLOURS.length]);
          g.fillRect(LABEL_WIDTH, top, (int) Math.round(v[0] / max * PLOT_WIDTH), BAR - 2);
          g.setColor(Color.BLACK);
          g.drawLine(low, middle, high, middle);
          g.drawLine(high, middle - 3, high, middle + 3);
          g.drawString(format(v[0], unit), high + 4, top + BAR - 3);
        }
        y += groupHeight;
      }
      g.setColor(Color.DARK_GRAY);
      g.drawLine(LABEL_WIDTH, 34, LABEL_WIDTH, y);
      y += 10;
      for (int s = 0; s < series.size(); s++) {
        g.setColor(COLOURS[s % COLOURS.length]);
        g.fillRect(LABEL_WIDTH, y + s * 18, 12, 12);
        g.setColor(Color.BLACK);
        g.drawString(series.get(s), LABEL_WIDTH + 18, y + s * 18 + 11);
      }
      g.dispose();
      ImageIO.write(image, "png", file.toFile());
    }

    private static String format(double value, String unit) {
      return String.format(Locale.ROOT, value < 10 ? "%.2f %s" : "%.1f %s", value, unit);
    }
  }
}

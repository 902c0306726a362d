package org.dpgfed.harvester.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results: printed as a table, written as JSON and CSV. */
final class Table {
  /** One line: what was measured, our figure, the reference's, and ours divided by theirs. */
  record Row(String section, String metric, double ours, double reference, String unit, String note) {
    String ratio() {
      return Double.isNaN(reference) || reference == 0 ? "" : String.format(Locale.ROOT, "%.2f", ours / reference);
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final String header;

  Table(String header) {
    this.header = header;
  }

  void add(String section, String metric, double ours, double reference, String unit, String note) {
    Row row = new Row(section, metric, ours, reference, unit, note);
    rows.add(row);
    System.out.println(line(row));
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String line(Row r) {
    return String.format(Locale.ROOT, "| %-10s | %-44s | %12s | %12s | %6s | %-8s | %s |", r.section(), r.metric(),
        number(r.ours()), number(r.reference()), r.ratio(), r.unit(), r.note());
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "" : v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  String markdown() {
    StringBuilder out = new StringBuilder(header).append("\n\n");
    out.append("| section | metric | ours | reference | ratio | unit | note |\n|---|---|---:|---:|---:|---|---|\n");
    rows.forEach(r -> out.append(line(r).replaceAll(" +\\|", " |")).append('\n'));
    return out.toString();
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results.md"), markdown());
    JsonArray json = new JsonArray();
    StringBuilder csv = new StringBuilder("section,metric,ours,reference,ratio,unit,note\n");
    for (Row r : rows) {
      json.add(new JsonObject().put("section", r.section()).put("metric", r.metric())
          .put("ours", Double.isNaN(r.ours()) ? null : r.ours())
          .put("reference", Double.isNaN(r.reference()) ? null : r.reference())
          .put("ratio", r.ratio()).put("unit", r.unit()).put("note", r.note()));
      csv.append(String.join(",", r.section(), quote(r.metric()), String.valueOf(r.ours()), String.valueOf(r.reference()),
          r.ratio(), r.unit(), quote(r.note()))).append('\n');
    }
    Files.writeString(dir.resolve("results.json"), new JsonObject().put("machine", header).put("rows", json).encodePrettily());
    Files.writeString(dir.resolve("results.csv"), csv.toString());
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}

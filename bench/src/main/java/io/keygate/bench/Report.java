package io.keygate.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The table the bench prints: one row per figure, with its baseline, target and verdict. */
final class Report {
  /** One figure. {@code met} is null where there is no target (context rows). */
  record Row(String section, String metric, String keygate, String baseline, String compared, String target,
      Boolean met) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  synchronized void add(String section, String metric, String keygate, String baseline, String compared,
      String target, Boolean met) {
    rows.add(new Row(section, metric, keygate, baseline, compared, target, met));
    Jvm.OUT.printf("  %-28s %-44s %s%n", section, metric, keygate
        + (baseline.isEmpty() ? "" : "  (baseline " + baseline + ")") + (compared.isEmpty() ? "" : "  " + compared));
  }

  synchronized void note(String text) {
    notes.add(text);
    Jvm.OUT.println("  note: " + text);
  }

  synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  /** A Markdown table (it reads as plain text too). */
  synchronized void print(PrintStream out) {
    out.println();
    out.println("| # | figure | keygate | baseline | compared | target | |");
    out.println("|---|---|---|---|---|---|---|");
    for (Row row : rows) {
      out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", row.section(), row.metric(), row.keygate(),
          row.baseline(), row.compared(), row.target(),
          row.met() == null ? "" : row.met() ? "met" : "**missed**");
    }
    for (String note : notes) {
      out.println();
      out.println("- " + note);
    }
  }

  static String f0(double value) {
    return String.format("%,.0f", value);
  }

  static String f1(double value) {
    return String.format("%.1f", value);
  }

  static String f2(double value) {
    return String.format("%.2f", value);
  }

  static String mib(long kib) {
    return kib < 0 ? "n/a" : String.format("%.0f MiB", kib / 1024.0);
  }
}

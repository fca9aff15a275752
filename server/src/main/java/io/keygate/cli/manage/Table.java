package io.keygate.cli.manage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A text table with aligned columns: a header row (omitted when empty) and rows of cells. */
final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  private Table(List<String> header) {
    this.header = header;
  }

  /** A table with these column headings. */
  static Table of(String... header) {
    return new Table(Arrays.asList(header));
  }

  /** A two-column table of field names and values, without headings (for one object). */
  static Table fields() {
    return new Table(List.of());
  }

  Table row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      String text = cell == null ? "" : cell.toString();
      row.add(text.isEmpty() ? "-" : text.replace('\n', ' '));
    }
    rows.add(row);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    List<List<String>> all = new ArrayList<>();
    if (!header.isEmpty()) {
      all.add(header);
    }
    all.addAll(rows);
    int columns = all.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i));
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }
}

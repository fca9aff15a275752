package io.keygate.cli.manage;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Where a command's answer goes. stdout gets the result only — a table, or with {@code --output json} the
 * response message as one JSON document (proto field names, every field present, map keys sorted) — so it
 * can be piped; notes for people (a secret is shown once, more pages exist) go to stderr.
 */
final class Output {
  private static final JsonFormat.Printer JSON = JsonFormat.printer()
      .includingDefaultValueFields().preservingProtoFieldNames().sortingMapKeys();

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;

  Output(PrintWriter out, PrintWriter err, boolean json) {
    this.out = out;
    this.err = err;
    this.json = json;
  }

  boolean json() {
    return json;
  }

  /** The response as JSON, or the table built by {@code table}. */
  void print(MessageOrBuilder response, Supplier<Table> table) {
    if (json) {
      try {
        out.println(JSON.print(response));
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("cannot print " + response.getClass().getSimpleName() + " as JSON", e);
      }
    } else {
      out.print(table.get().render());
    }
    out.flush();
  }

  /** A line for people, on stderr. */
  void note(String message) {
    err.println(message);
    err.flush();
  }

  void secretShownOnce() {
    note("The secret is shown once: Keygate stores only its hash. Copy it now.");
  }
}
